"""Static text and tables for the demo city of Riverton: departments, categories, staff, names, streets.

Nothing here is random or computed; `citydesk.demo` draws from these tables with a seeded
generator. Templates use `str.format` fields: {street}, {address}, {cross}, {park}, {place}, {agency},
{day}, {tech}, {caller}.
"""

from __future__ import annotations

from dataclasses import dataclass

CITY_NAME = "City of Riverton"
TIME_ZONE = "America/Chicago"
CITY_PHONE = "(555) 014-3100"
"""The number the demo city's receipts tell citizens to call about their requests."""
LOCAL_OFFICE = ("CLK", "City Hall")
OTHER_OFFICES: tuple[tuple[str, str], ...] = (("PW", "Public Works Yard"), ("PD", "Police Annex"))
DEMO_TAG = "DEM"

# Rough centre of the (fictional) town, for map coordinates of field tickets.
CENTER_LAT = 41.8520
CENTER_LON = -89.6960

DEPARTMENTS: tuple[tuple[str, str], ...] = (
    ("CLK", "Clerk"),
    ("FIN", "Finance"),
    ("PW", "Public Works"),
    ("PD", "Police"),
    ("PARKS", "Parks & Recreation"),
    ("IT", "Information Technology"),
)


@dataclass(frozen=True, slots=True)
class StaffSpec:
    """A demo staff user (no password: the demo database shows a user picker)."""

    username: str
    display_name: str
    role: str
    department: str | None
    office: str


STAFF: tuple[StaffSpec, ...] = (
    # clerks: two at the City Hall counter, one at the Public Works yard, the police dispatcher
    StaffSpec("maria.lopez", "María López", "clerk", "CLK", "CLK"),
    StaffSpec("kevin.oneill", "Kevin O'Neill", "clerk", "CLK", "CLK"),
    StaffSpec("dana.brooks", "Dana Brooks", "clerk", "PW", "PW"),
    StaffSpec("luis.herrera", "Luis Herrera", "clerk", "PD", "PD"),
    # technicians
    StaffSpec("sam.patel", "Sam Patel", "technician", "IT", "CLK"),  # the part-time IT person
    StaffSpec("jenny.cho", "Jenny Cho", "technician", "IT", "CLK"),
    StaffSpec("ray.dawson", "Ray Dawson", "technician", "PW", "PW"),  # streets crew lead
    StaffSpec("carlos.mendoza", "Carlos Mendoza", "technician", "PW", "PW"),
    StaffSpec("tony.russo", "Tony Russo", "technician", "PW", "PW"),  # water and sewer crew lead
    StaffSpec("bill.kowalski", "Bill Kowalski", "technician", "PW", "PW"),  # sanitation crew lead
    StaffSpec("aisha.grant", "Aisha Grant", "technician", "PW", "PW"),  # signs and signals
    StaffSpec("wes.tanaka", "Wes Tanaka", "technician", "PW", "PW"),  # electrician, streetlights
    StaffSpec("pete.ambrose", "Pete Ambrose", "technician", "PARKS", "PW"),
    StaffSpec("grace.whitehorse", "Grace Whitehorse", "technician", "PARKS", "PW"),
    StaffSpec("nate.fisher", "Nate Fisher", "technician", "PD", "PD"),  # code enforcement officer
    StaffSpec("linda.meyer", "Linda Meyer", "technician", "FIN", "CLK"),  # utility billing
    StaffSpec("omar.haddad", "Omar Haddad", "technician", "CLK", "CLK"),  # deputy clerk, records
    # supervisors (department heads)
    StaffSpec("frank.delgado", "Frank Delgado", "supervisor", "PW", "PW"),
    StaffSpec("helen.park", "Helen Park", "supervisor", "IT", "CLK"),
    StaffSpec("marcus.bell", "Marcus Bell", "supervisor", "PARKS", "PW"),
    StaffSpec("ruth.okafor", "Ruth Okafor", "supervisor", "FIN", "CLK"),
    StaffSpec("susan.whitaker", "Susan Whitaker", "supervisor", "CLK", "CLK"),
    # admins
    StaffSpec("paul.jensen", "Paul Jensen", "admin", None, "CLK"),  # city administrator
    StaffSpec("erin.mcallister", "Erin McAllister", "admin", "IT", "CLK"),
)

AGENCIES = {
    "health": "County Health Department",
    "dot": "State DOT",
    "electric": "Riverton Electric Co-op",
    "animals": "County Animal Services",
    "assessor": "County Assessor",
    "schools": "Riverton School District",
    "gas": "Prairie Gas Company",
}


@dataclass(frozen=True, slots=True)
class CategorySpec:
    """A request category and everything the generator needs to write realistic tickets of it.

    kind: "field" (a crew goes out; visits and time spent), "desk" (handled at a desk), "it" (staff
    requests to IT) or "ops" (planned work, no requester). hours: when requests arrive: "office",
    "daytime", "evening" or "any". location: "street", "park", "building", "home" or "none".
    """

    key: str
    name: str
    department: str
    priority: str
    target: int
    keywords: str
    script: str
    questions: tuple[str, ...]
    answers: tuple[tuple[str, ...], ...]
    weight: float
    kind: str
    hours: str
    location: str
    channels: tuple[tuple[str, int], ...]
    techs: tuple[str, ...]
    titles: tuple[str, ...]
    descriptions: tuple[str, ...]
    updates: tuple[str, ...]
    internal: tuple[str, ...]
    done: tuple[str, ...]
    spanish: tuple[str, ...] = ()
    storm_weight: float = 0.0
    backlog: float = 0.05
    weekend_factor: float = 1.0
    public: bool = True
    fcr: float = 0.0
    multi: float = 0.0
    waiting: tuple[tuple[str, str], ...] = ()
    agency: str | None = None
    referral_share: float = 0.0
    not_city: str = ""
    minutes: tuple[int, int] = (15, 90)
    reroute_from: str | None = None
    escalations: tuple[str, ...] = ()


_CITIZEN_FIELD = (("phone", 55), ("walk_in", 8), ("web", 27), ("email", 10))
_CITIZEN_DESK = (("phone", 45), ("walk_in", 35), ("email", 12), ("web", 8))
_STAFF_IT = (("intranet", 50), ("email", 25), ("phone", 25))

CATEGORIES: tuple[CategorySpec, ...] = (
    # ---- Public Works ------------------------------------------------------------------------------
    CategorySpec(
        key="pothole",
        name="Pothole",
        department="PW",
        priority="P3",
        target=5,
        keywords="pothole hole road street asphalt pavement bump",
        script=(
            "Tell the caller: crews patch potholes within 5 business days; mark it with a cone only if it is"
            " dangerous. Potholes on State Route 9 belong to the State DOT."
        ),
        questions=("How big is it (roughly)?", "Which lane or side of the street?"),
        answers=(
            ("About a foot across", "Size of a dinner plate", "Two feet wide, quite deep", "Hard to say"),
            ("Northbound lane", "Southbound lane", "Near the curb", "Middle of the road"),
        ),
        weight=9,
        kind="field",
        hours="daytime",
        location="street",
        channels=_CITIZEN_FIELD,
        backlog=0.062,
        techs=("ray.dawson", "carlos.mendoza"),
        titles=(
            "Pothole on {street}",
            "Large pothole near {address}",
            "Pothole in front of {address}",
            "Deep pothole at {cross}",
        ),
        descriptions=(
            "Caller reports a pothole near {address}. Cars are swerving around it.",
            "Pothole at {cross}, about a foot across and getting bigger after the rain.",
            "Resident says the pothole in front of {address} damaged a tire last night.",
        ),
        spanish=("Hay un bache grande enfrente de {address}. Es peligroso para las bicicletas.",),
        updates=(
            "A street crew will patch this within the week.",
            "We have scheduled a crew to patch the pothole on {street}.",
        ),
        internal=(
            "Cold patch for now; add {street} to the spring overlay list.",
            "Checked on the way back from {cross} — about 18 in. across, 4 in. deep.",
            "Truck 12 has asphalt; doing this with the other {street} holes.",
        ),
        done=(
            "The pothole on {street} was filled today. Thank you for reporting it.",
            "Our crew patched the pothole at {address}. A permanent repair is planned with spring paving.",
        ),
        multi=0.24,
        agency=AGENCIES["dot"],
        referral_share=0.04,
        minutes=(20, 120),
    ),
    CategorySpec(
        key="streetlight",
        name="Streetlight out",
        department="PW",
        priority="P3",
        target=5,
        keywords="light lamp dark pole streetlight bulb flickering",
        script=(
            "Tell the caller: crews repair streetlights within 5 business days; they do not need to stay "
            "home. Ask for the pole number (a small tag on the pole) if they can see it."
        ),
        questions=(
            "Pole number (tag on the pole), if visible?",
            "Is it out, flickering, or on during the day?",
        ),
        answers=(
            ("Not visible", "RE-4471", "RE-2208", "RE-3316", "No tag"),
            ("Completely out", "Flickering", "On during the day", "Cycling on and off"),
        ),
        weight=7,
        kind="field",
        hours="daytime",
        location="street",
        channels=_CITIZEN_FIELD,
        backlog=0.088,
        techs=("wes.tanaka", "aisha.grant"),
        titles=(
            "Streetlight out on {street}",
            "Streetlight out near {address}",
            "Flickering streetlight at {cross}",
            "Dark stretch of {street} — light out",
        ),
        descriptions=(
            "The streetlight in front of {address} has been out for about a week.",
            "Light at {cross} flickers all night; neighbours say it is very dark on that corner.",
            "Caller walks her dog at night and the light near {address} is out.",
        ),
        updates=(
            "Our electrician will check the light on {street} this week.",
            "The light needs a part we have ordered; we will fix it as soon as it arrives.",
        ),
        internal=(
            "Pole is a co-op pole, not ours? Checked the map: city pole, LED head.",
            "Photocell bad. Bucket truck needed.",
            "Same circuit as the two lights on {street} fixed last month.",
        ),
        done=(
            "The streetlight on {street} is working again. Thanks for letting us know.",
            "We replaced the lamp and photocell at {address}; the light is back on.",
        ),
        storm_weight=14,
        multi=0.2,
        agency=AGENCIES["electric"],
        referral_share=0.06,
        waiting=(("waiting_parts", "Waiting for a replacement LED head from the supplier."),),
        minutes=(30, 150),
    ),
    CategorySpec(
        key="water_main",
        name="Water main break",
        department="PW",
        priority="P1",
        target=0,
        keywords="water main break flooding gushing burst pipe street water",
        script=(
            "Dispatch now: page the on-call water crew. Tell the caller to stay clear of the water and that "
            "some homes may lose water for a few hours."
        ),
        questions=("Is water coming up through the pavement?", "Is any home without water?"),
        answers=(
            ("Yes, a lot", "Some bubbling", "Running down the gutter"),
            ("Not that I know", "Yes, mine", "Yes"),
        ),
        weight=0.9,
        kind="field",
        hours="any",
        location="street",
        channels=(("phone", 80), ("web", 5), ("email", 5), ("walk_in", 10)),
        techs=("tony.russo",),
        titles=(
            "Water main break on {street}",
            "Water coming up through the road at {cross}",
            "Possible main break near {address}",
        ),
        descriptions=(
            "Water is bubbling up through the pavement at {cross} and running down the gutter.",
            "Caller reports the street in front of {address} is flooding; water pressure dropped.",
        ),
        updates=(
            "Our water crew is on site. Some homes on {street} may be without water for a few hours.",
            "Repairs are under way; we expect water back on this evening.",
        ),
        internal=(
            "Closed valves 14B and 14C. Locates called in (JULIE ticket).",
            "6-inch cast iron, circumferential crack. Backhoe on the way.",
            "Boil order notice needed for {street}? Checked with the water plant: not needed.",
        ),
        done=(
            "The water main on {street} is repaired and water is back on. Thank you for calling it in.",
            "Repair finished at {cross}; the road will be patched next week.",
        ),
        storm_weight=1,
        multi=0.4,
        minutes=(120, 480),
        escalations=(
            "Paging the on-call water crew; the main is flooding {street}.",
            "Second crew called in: the break is larger than expected.",
            "Water off to the block for more than 4 hours; director informed.",
        ),
    ),
    CategorySpec(
        key="trash",
        name="Missed trash pickup",
        department="PW",
        priority="P3",
        target=2,
        keywords="trash garbage pickup missed cart bin recycling collection",
        script=(
            "Tell the caller: if the cart was at the curb by 6 a.m., a truck will come back within 2 "
            "business days. Leave the cart out."
        ),
        questions=("Trash or recycling?", "Was the cart at the curb by 6 a.m.?"),
        answers=(("Trash", "Recycling", "Both", "Yard waste"), ("Yes", "Yes, the night before", "Not sure")),
        weight=8,
        kind="field",
        hours="office",
        location="home",
        channels=(("phone", 65), ("web", 20), ("email", 10), ("walk_in", 5)),
        backlog=0.013,
        techs=("bill.kowalski",),
        titles=(
            "Missed trash pickup at {address}",
            "Recycling not picked up — {address}",
            "Missed collection on {street}",
        ),
        descriptions=(
            "Cart was at the curb by 6 a.m. but the truck skipped {address}.",
            "Whole side of {street} was missed this week, according to the caller.",
        ),
        spanish=("No pasaron por la basura en {address} esta semana.",),
        updates=("A truck will come back for your cart within two business days. Please leave it out.",),
        internal=(
            "Route 3 driver says the cart was not out at 6:40.",
            "Sub driver on route 2 this week.",
            "Blocked by a parked car on {street}.",
        ),
        done=(
            "We collected the cart at {address}. Sorry for the miss.",
            "The truck came back to {street} today and picked up the missed carts.",
        ),
        multi=0.08,
        minutes=(10, 40),
        weekend_factor=0.4,
    ),
    CategorySpec(
        key="graffiti",
        name="Graffiti",
        department="PW",
        priority="P3",
        target=5,
        keywords="graffiti paint tag vandalism spray wall",
        script=(
            "Tell the caller: the city removes graffiti on public property within 5 business days. Private "
            "owners get a notice; offensive graffiti goes first."
        ),
        questions=("On public or private property?", "Is it offensive?"),
        answers=(
            ("Public (sign, bridge, park)", "Private building", "Not sure"),
            ("No", "Yes", "Gang symbols"),
        ),
        weight=3,
        kind="field",
        hours="daytime",
        location="street",
        channels=_CITIZEN_FIELD,
        backlog=0.075,
        techs=("carlos.mendoza", "ray.dawson"),
        titles=(
            "Graffiti on {street} underpass",
            "Graffiti near {address}",
            "Spray paint on signs at {cross}",
        ),
        descriptions=(
            "Fresh graffiti on the wall by {address}.",
            "Tags on the stop sign and bus shelter at {cross}.",
        ),
        updates=("A crew will remove the graffiti this week.",),
        internal=(
            "Photographed for the police report before removal.",
            "Paint match: tan, used the sprayer.",
        ),
        done=("The graffiti near {address} has been painted over.", "We removed the graffiti at {cross}."),
        not_city="The wall at {address} is private property; the owner was sent the city's removal notice.",
        reroute_from="PD",
        multi=0.08,
        minutes=(30, 120),
    ),
    CategorySpec(
        key="tree_down",
        name="Tree or limb down",
        department="PW",
        priority="P2",
        target=1,
        keywords="tree limb branch fallen down storm blocking road",
        script=(
            "If it blocks the road or touches a power line, treat it as urgent and warn the caller to stay "
            "away from any wire. Otherwise a crew clears it the same day."
        ),
        questions=("Is it blocking the road or sidewalk?", "Is it touching a power line?"),
        answers=(
            ("Blocking the road", "Blocking the sidewalk", "In a yard", "Partly"),
            ("No", "Yes", "Not sure"),
        ),
        weight=2,
        kind="field",
        hours="any",
        location="street",
        channels=_CITIZEN_FIELD,
        techs=("ray.dawson", "pete.ambrose", "carlos.mendoza"),
        titles=(
            "Tree down on {street}",
            "Large limb blocking {street}",
            "Branch down at {cross}",
            "Tree on power line near {address}",
        ),
        descriptions=(
            "A large limb came down across {street} near {address}; one lane blocked.",
            "Storm knocked a tree over at {cross}. Caller says it is leaning on a wire.",
        ),
        updates=(
            "A crew is on the way to clear the road.",
            "The road is open; we will come back for the wood.",
        ),
        internal=(
            "Co-op called about the wire; waiting for them before cutting.",
            "Chipper crew scheduled for cleanup.",
            "Barricades placed at {cross}.",
        ),
        done=(
            "The tree on {street} has been cleared. Thank you for reporting it.",
            "Limb removed and the road is open again at {cross}.",
        ),
        storm_weight=40,
        multi=0.28,
        agency=AGENCIES["electric"],
        referral_share=0.05,
        reroute_from="PARKS",
        minutes=(30, 240),
        escalations=("Blocking the whole road; second crew called.", "Tree on a live wire: co-op paged."),
    ),
    CategorySpec(
        key="sidewalk",
        name="Sidewalk repair",
        department="PW",
        priority="P3",
        target=30,
        keywords="sidewalk trip hazard cracked raised concrete curb ramp",
        script=(
            "Tell the caller: sidewalk repairs are inspected within 10 business days and scheduled with the "
            "concrete program; trip hazards get marked right away."
        ),
        questions=("How high is the raised edge?",),
        answers=(("About an inch", "Two inches or more", "Not sure"),),
        weight=2,
        kind="field",
        hours="office",
        location="street",
        channels=_CITIZEN_FIELD,
        backlog=0.375,
        techs=("carlos.mendoza",),
        titles=(
            "Raised sidewalk at {address}",
            "Sidewalk trip hazard on {street}",
            "Broken curb ramp at {cross}",
        ),
        descriptions=(
            "Tree roots lifted the sidewalk slab in front of {address}; a neighbour tripped.",
            "Curb ramp at {cross} is crumbling; hard to get a wheelchair across.",
        ),
        updates=("We marked the hazard with paint and added it to the concrete repair list.",),
        internal=("Measured 1.5 in. lift. Grinding will do.", "Needs full slab replacement, 2 panels."),
        done=("The sidewalk at {address} has been repaired.", "We ground down the raised edge on {street}."),
        waiting=(("waiting_vendor", "Waiting for the concrete contractor's schedule."),),
        minutes=(30, 180),
        weekend_factor=0.5,
    ),
    CategorySpec(
        key="sign",
        name="Street sign damaged",
        department="PW",
        priority="P3",
        target=3,
        keywords="sign stop sign street sign knocked down missing bent",
        script=(
            "A missing or down stop sign is urgent: tell the caller a crew will put up a temporary sign "
            "today. Other signs are fixed within 3 business days."
        ),
        questions=("Which sign (stop, street name, speed...)?",),
        answers=(("Stop sign", "Street name sign", "Speed limit sign", "Yield sign", "No parking sign"),),
        weight=2,
        kind="field",
        hours="daytime",
        location="street",
        channels=_CITIZEN_FIELD,
        backlog=0.075,
        techs=("aisha.grant",),
        titles=(
            "Stop sign knocked down at {cross}",
            "Street sign missing at {cross}",
            "Bent sign on {street}",
        ),
        descriptions=(
            "Someone hit the stop sign at {cross}; it is lying in the grass.",
            "The street name sign at {cross} is gone.",
        ),
        updates=("A temporary sign is up; the permanent one will follow this week.",),
        internal=("Post sheared off; need a new breakaway post.", "Sign shop has two in stock."),
        done=("The sign at {cross} has been replaced.",),
        storm_weight=4,
        waiting=(("waiting_parts", "New sign ordered from the sign shop."),),
        multi=0.08,
        minutes=(20, 90),
        escalations=("Stop sign down at a busy intersection; temporary sign needed now.",),
    ),
    CategorySpec(
        key="signal",
        name="Traffic signal out",
        department="PW",
        priority="P1",
        target=0,
        keywords="traffic signal light stoplight intersection dark flashing",
        script=(
            "Dispatch now. Tell the caller to treat the intersection as an all-way stop; the police "
            "dispatcher is told too."
        ),
        questions=("Dark, flashing red, or stuck on one colour?",),
        answers=(("Dark", "Flashing red", "Stuck on red", "Stuck on green"),),
        weight=0.7,
        kind="field",
        hours="any",
        location="street",
        channels=(("phone", 80), ("after_hours", 20)),
        techs=("aisha.grant", "wes.tanaka"),
        titles=(
            "Traffic signal dark at {cross}",
            "Signal stuck on red at {cross}",
            "Traffic light flashing at {cross}",
        ),
        descriptions=(
            "All signals at {cross} went dark about an hour ago.",
            "The light at {cross} is stuck on red.",
        ),
        updates=("A technician is on the way; treat the intersection as an all-way stop.",),
        internal=(
            "Cabinet reset; controller logs show a power dip.",
            "Stop signs placed; vendor called for the controller board.",
        ),
        done=("The signal at {cross} is working normally again.",),
        storm_weight=8,
        multi=0.3,
        waiting=(("waiting_vendor", "Controller board ordered from the signal vendor."),),
        minutes=(30, 180),
        escalations=(
            "Busy intersection during rush hour; police asked to direct traffic.",
            "Signal still dark after reset; vendor called in.",
        ),
    ),
    CategorySpec(
        key="drain",
        name="Storm drain clogged",
        department="PW",
        priority="P3",
        target=3,
        keywords="storm drain clogged flooding street water standing leaves grate",
        script=(
            "Tell the caller: crews clear clogged drains within 3 business days, sooner if a street is "
            "flooding. Ask them not to lift the grate."
        ),
        questions=("Is water standing in the street?",),
        answers=(("Yes", "A little", "Not now"),),
        weight=2,
        kind="field",
        hours="daytime",
        location="street",
        channels=_CITIZEN_FIELD,
        techs=("tony.russo", "ray.dawson"),
        titles=(
            "Storm drain clogged at {cross}",
            "Street flooding near {address}",
            "Leaves blocking drain on {street}",
        ),
        descriptions=(
            "Water is standing across {street} near {address}; the grate is covered with leaves.",
            "Drain at {cross} is blocked and the corner floods every time it rains.",
        ),
        updates=("A crew will clear the drain.",),
        internal=(
            "Jetter truck needed; line is full of silt.",
            "Cleared grate; will check again after the rain.",
        ),
        done=("The drain at {cross} has been cleared.",),
        storm_weight=16,
        multi=0.2,
        minutes=(20, 120),
        reroute_from="PARKS",
    ),
    CategorySpec(
        key="bulk",
        name="Bulk item pickup",
        department="PW",
        priority="P3",
        target=5,
        keywords="bulk item pickup couch mattress appliance furniture large",
        script=(
            "Tell the caller: bulk items go out on their normal pickup day after we schedule it; up to 3 "
            "items free, appliances need the refrigerant tag."
        ),
        questions=("What items?", "How many?"),
        answers=(
            ("Couch", "Mattress and box spring", "Refrigerator", "Washer", "Recliner", "Table and chairs"),
            ("1", "2", "3", "4"),
        ),
        weight=4,
        kind="field",
        hours="office",
        location="home",
        channels=_CITIZEN_DESK,
        backlog=0.025,
        techs=("bill.kowalski",),
        titles=(
            "Bulk pickup request — {address}",
            "Couch pickup at {address}",
            "Appliance pickup on {street}",
        ),
        descriptions=(
            "Resident at {address} needs a couch and a mattress picked up.",
            "Old refrigerator at {address}; refrigerant has been removed (tag attached).",
        ),
        updates=(
            "Your pickup is scheduled for your next collection day. Put the items out the night before.",
        ),
        internal=("Added to Thursday's bulk route.", "Over the 3-item limit; told the caller the fee."),
        done=("Your bulk items were picked up.",),
        minutes=(10, 30),
        weekend_factor=0.3,
    ),
    # ---- Parks & Recreation ------------------------------------------------------------------------
    CategorySpec(
        key="restroom",
        name="Park restroom problem",
        department="PARKS",
        priority="P3",
        target=2,
        keywords="park restroom toilet bathroom clogged locked dirty",
        script=(
            "Tell the caller: park restrooms are checked within 2 business days; closed restrooms in winter "
            "are normal (November to March)."
        ),
        questions=("Which park?",),
        answers=(("Riverside Park", "Lincoln Park", "Miller Field", "Sunset Park"),),
        weight=2,
        kind="field",
        hours="daytime",
        location="park",
        channels=_CITIZEN_FIELD,
        backlog=0.05,
        techs=("grace.whitehorse", "pete.ambrose"),
        titles=("Restroom locked at {park}", "Toilet clogged at {park}", "Restroom needs cleaning — {park}"),
        descriptions=(
            "The restroom at {park} was locked at 2 p.m. on a Saturday.",
            "Toilet in the men's room at {park} is overflowing.",
        ),
        updates=("Parks staff will check the restroom.",),
        internal=("Timer lock was set wrong.", "Plunged; drain line needs jetting next week."),
        done=("The restroom at {park} is open and working.",),
        minutes=(15, 60),
    ),
    CategorySpec(
        key="playground",
        name="Playground equipment broken",
        department="PARKS",
        priority="P2",
        target=1,
        keywords="playground swing slide broken equipment park children unsafe",
        script=(
            "Tell the caller: unsafe playground equipment is taped off the same day and repaired as soon as "
            "parts arrive."
        ),
        questions=("Which park?", "What is broken?"),
        answers=(
            ("Riverside Park", "Lincoln Park", "Sunset Park", "Duck Pond Park"),
            ("Swing chain", "Slide cracked", "Loose bolt", "Broken step"),
        ),
        weight=1.5,
        kind="field",
        hours="daytime",
        location="park",
        channels=_CITIZEN_FIELD,
        backlog=0.125,
        techs=("pete.ambrose",),
        titles=("Broken swing at {park}", "Cracked slide at {park}", "Playground unsafe at {park}"),
        descriptions=(
            "A swing chain at {park} is broken and hanging down.",
            "The slide at {park} has a sharp crack near the bottom.",
        ),
        updates=("The equipment is taped off until it is repaired.",),
        internal=("Manufacturer part number 3321-S ordered.", "Inspected the rest of the structure: ok."),
        done=("The playground equipment at {park} is repaired and open again.",),
        waiting=(("waiting_parts", "Replacement part ordered from the manufacturer."),),
        agency=AGENCIES["schools"],
        referral_share=0.05,
        reroute_from="PW",
        minutes=(30, 120),
        escalations=("Child hurt on the equipment; director informed.",),
    ),
    CategorySpec(
        key="trimming",
        name="Tree trimming request",
        department="PARKS",
        priority="P3",
        target=20,
        keywords="tree trimming prune branches overhanging parkway dead tree",
        script=(
            "Tell the caller: the city trims parkway trees (between sidewalk and street) within about a "
            "month; trees on private property are the owner's."
        ),
        questions=("Is the tree in the parkway (between sidewalk and street)?",),
        answers=(("Yes", "No, in the yard", "Not sure"),),
        weight=2,
        kind="field",
        hours="office",
        location="home",
        channels=_CITIZEN_FIELD,
        backlog=0.312,
        techs=("pete.ambrose", "grace.whitehorse"),
        titles=(
            "Parkway tree needs trimming at {address}",
            "Dead tree in parkway — {address}",
            "Branches over the street on {street}",
        ),
        descriptions=(
            "Branches from the parkway tree at {address} hang low over the street; trucks hit them.",
            "Resident thinks the maple in front of {address} is dead.",
        ),
        updates=("An arborist will look at the tree and schedule the work.",),
        internal=("Arborist: ash, dead, remove not trim.", "Added to the fall trimming list."),
        done=("The tree at {address} has been trimmed.",),
        not_city="The tree at {address} is on private property, so trimming it is the owner's job.",
        reroute_from="PW",
        minutes=(60, 240),
        weekend_factor=0.5,
    ),
    # ---- Police (code enforcement) -----------------------------------------------------------------
    CategorySpec(
        key="noise",
        name="Noise complaint",
        department="PD",
        priority="P3",
        target=2,
        keywords="noise loud music party barking dog fireworks",
        script=(
            "If it is happening now and late at night, transfer to police dispatch. Otherwise code "
            "enforcement follows up within 2 business days."
        ),
        questions=("Is it happening now?", "What kind of noise?"),
        answers=(
            ("Yes", "No, last night", "Every night"),
            ("Loud music", "Barking dog", "Construction", "Party"),
        ),
        weight=4,
        kind="field",
        hours="evening",
        location="street",
        channels=(("phone", 70), ("web", 20), ("email", 10)),
        backlog=0.037,
        techs=("nate.fisher",),
        titles=(
            "Loud music at {address}",
            "Barking dog on {street}",
            "Noise complaint — {address}",
            "Early construction noise near {address}",
        ),
        descriptions=(
            "Caller says the house at {address} plays loud music past midnight on weekends.",
            "Dog at {address} barks all day while the owners are at work.",
            "Construction crew near {address} started at 5:30 a.m.",
        ),
        updates=("A code enforcement officer will follow up.",),
        internal=("Warning left at the door.", "Second complaint this month; citation next time."),
        done=(
            "An officer spoke with the neighbour at {address}.",
            "A warning was issued; call us if it continues.",
        ),
        not_city="This was on county land outside the city limits; we gave the caller the sheriff's number.",
        multi=0.08,
        minutes=(15, 60),
    ),
    CategorySpec(
        key="vehicle",
        name="Abandoned vehicle",
        department="PD",
        priority="P3",
        target=5,
        keywords="abandoned vehicle car parked tow junk flat tires",
        script=(
            "Tell the caller: an officer tags the vehicle within 5 business days; it is towed 72 hours later"
            " if it does not move."
        ),
        questions=("Make, colour and plate (if known)?",),
        answers=(
            (
                "Blue Ford Taurus",
                "White van, no plate",
                "Silver Honda, flat tires",
                "Red pickup, plate 4KT 219",
            ),
        ),
        weight=3,
        kind="field",
        hours="office",
        location="street",
        channels=_CITIZEN_FIELD,
        backlog=0.075,
        techs=("nate.fisher",),
        titles=(
            "Abandoned car on {street}",
            "Vehicle parked for weeks near {address}",
            "Junk car at {cross}",
        ),
        descriptions=(
            "A car has not moved from in front of {address} in three weeks and has a flat tire.",
            "Van with no plates parked at {cross}.",
        ),
        updates=("An officer tagged the vehicle; it will be towed in 72 hours if it is not moved.",),
        internal=("Registered owner notified by mail.", "Tow company called."),
        done=("The vehicle on {street} was moved.", "The vehicle near {address} was towed."),
        not_city="The vehicle is on private property at {address}; the property owner has to arrange a tow.",
        reroute_from="PW",
        minutes=(15, 45),
    ),
    CategorySpec(
        key="parking",
        name="Parking complaint",
        department="PD",
        priority="P3",
        target=2,
        keywords="parking blocked driveway hydrant illegally parked",
        script=(
            "A blocked driveway right now goes to police dispatch. Other parking complaints are checked "
            "within 2 business days."
        ),
        questions=(),
        answers=(),
        weight=2.5,
        kind="field",
        hours="daytime",
        location="street",
        channels=_CITIZEN_FIELD,
        backlog=0.025,
        techs=("nate.fisher",),
        titles=(
            "Car blocking driveway at {address}",
            "Parking on the sidewalk on {street}",
            "Truck parked by hydrant at {cross}",
        ),
        descriptions=(
            "Someone keeps parking across the driveway at {address}.",
            "Cars park on the sidewalk on {street} every evening.",
        ),
        updates=("Parking enforcement will check the street.",),
        internal=("Ticket written.", "Nothing there at 14:10."),
        done=("An officer checked {street} and ticketed the vehicle.",),
        minutes=(10, 30),
    ),
    # ---- Finance ----------------------------------------------------------------------------------------
    CategorySpec(
        key="water_bill",
        name="Water bill question",
        department="FIN",
        priority="P3",
        target=3,
        keywords="water bill utility payment high bill meter account shutoff",
        script=(
            "Look the account up first. High bills are usually leaks: offer the leak-check sheet. Payment "
            "plans need a supervisor."
        ),
        questions=("Account number?",),
        answers=(("10-4471-02", "22-1093-01", "07-5520-03", "Does not know"),),
        weight=8,
        kind="desk",
        hours="office",
        location="home",
        channels=_CITIZEN_DESK,
        backlog=0.037,
        techs=("linda.meyer",),
        titles=(
            "High water bill — {address}",
            "Question about water bill",
            "Payment arrangement request",
            "Meter reading looks wrong — {address}",
        ),
        descriptions=(
            "Customer at {address} says the bill doubled this month.",
            "Caller wants to set up a payment plan for the overdue balance.",
        ),
        spanish=("Pregunta sobre la factura del agua de {address}; prefiere hablar en español.",),
        updates=("We are checking the meter reading and will call you back.",),
        internal=(
            "Meter reread: 4,120 gal. Likely running toilet.",
            "Leak adjustment form sent.",
            "Payment plan approved, 4 months.",
        ),
        done=(
            "We checked your meter and adjusted the bill.",
            "Your payment plan is set up.",
            "The reading was correct; we sent you the leak-check sheet.",
        ),
        fcr=0.55,
        weekend_factor=0.15,
        waiting=(("waiting_requester", "Asked for a copy of the plumber's receipt."),),
        minutes=(5, 30),
    ),
    CategorySpec(
        key="business_licence",
        name="Business licence",
        department="FIN",
        priority="P3",
        target=10,
        keywords="business licence license permit new business renewal",
        script=(
            "Give the caller the application checklist: proof of insurance, zoning sign-off, fee. Renewals "
            "are due January 31."
        ),
        questions=("New licence or renewal?", "Type of business?"),
        answers=(
            ("New", "Renewal"),
            ("Restaurant", "Home business", "Retail shop", "Food truck", "Contractor"),
        ),
        weight=3,
        kind="desk",
        hours="office",
        location="none",
        channels=_CITIZEN_DESK,
        backlog=0.1,
        techs=("linda.meyer",),
        titles=("Business licence application", "Licence renewal", "Food truck licence question"),
        descriptions=(
            "Application for a new business licence; paperwork brought to the counter.",
            "Renewal for an existing shop; fee paid.",
        ),
        updates=("Your application is with zoning for sign-off.",),
        internal=("Zoning approved.", "Missing certificate of insurance.", "Health inspection needed first."),
        done=("Your business licence has been issued and mailed.",),
        fcr=0.1,
        weekend_factor=0.05,
        waiting=(("waiting_requester", "Waiting for proof of insurance."),),
        agency=AGENCIES["health"],
        referral_share=0.08,
        minutes=(10, 45),
    ),
    # ---- Clerk ----------------------------------------------------------------------------------------
    CategorySpec(
        key="dog_licence",
        name="Dog licence",
        department="CLK",
        priority="P3",
        target=5,
        keywords="dog licence license tag rabies pet",
        script="Dog licences need a current rabies certificate; $10 spayed/neutered, $20 otherwise.",
        questions=("Has a current rabies certificate?",),
        answers=(("Yes", "Will bring it", "No"),),
        weight=3,
        kind="desk",
        hours="office",
        location="none",
        channels=_CITIZEN_DESK,
        backlog=0.013,
        techs=("omar.haddad",),
        titles=("Dog licence", "Dog licence renewal", "Lost dog tag replacement"),
        descriptions=("New dog licence; rabies certificate shown.", "Replacement tag for a lost collar."),
        updates=("Your tag will be mailed this week.",),
        internal=("Rabies cert expires next month; told the owner.",),
        done=("Your dog licence is issued.",),
        fcr=0.7,
        weekend_factor=0.05,
        agency=AGENCIES["animals"],
        referral_share=0.05,
        minutes=(5, 15),
    ),
    CategorySpec(
        key="records",
        name="Public records request",
        department="CLK",
        priority="P3",
        target=10,
        keywords="records request FOIA copies documents minutes permits public records",
        script=(
            "Records requests are answered within 10 business days. Take a contact address; ask for dates "
            "and names to narrow the search."
        ),
        questions=("What records, for which dates?",),
        answers=(
            (
                "Building permits for their address, 2015–2020",
                "Council minutes, March",
                "Police report copy",
                "Emails about the Main St project",
            ),
        ),
        weight=3,
        kind="desk",
        hours="office",
        location="none",
        channels=(("email", 45), ("walk_in", 25), ("web", 20), ("phone", 10)),
        backlog=0.075,
        techs=("omar.haddad",),
        titles=(
            "Public records request",
            "Records request: building permits",
            "Copy of council minutes",
            "Records request: police report",
        ),
        descriptions=(
            "Requester asks for all building permits issued for {address}.",
            "Copies of the council minutes and any emails about the water rate change.",
        ),
        updates=("We are gathering the records and will send them by e-mail.",),
        internal=("Legal review needed for two emails.", "12 pages; no fee under 50 pages."),
        done=("The records you asked for were sent by e-mail.", "Copies are ready at the City Hall counter."),
        weekend_factor=0.2,
        waiting=(("waiting_requester", "Asked the requester to narrow the date range."),),
        minutes=(15, 120),
    ),
    CategorySpec(
        key="inquiry",
        name="General inquiry",
        department="CLK",
        priority="P3",
        target=3,
        keywords="question information general inquiry city hall hours council",
        script="Answer on the spot if you can; otherwise take a number and the right department calls back.",
        questions=(),
        answers=(),
        weight=4,
        kind="desk",
        hours="office",
        location="none",
        channels=_CITIZEN_DESK,
        backlog=0.025,
        techs=("omar.haddad",),
        titles=(
            "Question about council meeting",
            "Question about property taxes",
            "Yard sale permit question",
            "Question about leaf pickup schedule",
        ),
        descriptions=(
            "Caller wants to speak at the next council meeting.",
            "Resident asks why the property tax went up.",
        ),
        updates=("The clerk's office will call you back with an answer.",),
        internal=("Forwarded to the administrator.",),
        done=("We answered your question by phone.", "Information sent by e-mail."),
        fcr=0.65,
        weekend_factor=0.1,
        agency=AGENCIES["assessor"],
        referral_share=0.1,
        minutes=(5, 20),
    ),
    # ---- Information Technology (staff requests) -------------------------------------------------
    CategorySpec(
        key="payroll_slow",
        name="Payroll server slow",
        department="IT",
        priority="P2",
        target=1,
        keywords="payroll server slow timeout finance application hang",
        script="Ask which screen is slow and whether others in the office see it too.",
        questions=("Just you, or the whole office?",),
        answers=(("Whole office", "Just me", "Not sure"),),
        weight=1,
        kind="it",
        hours="office",
        location="building",
        channels=_STAFF_IT,
        public=False,
        backlog=0.062,
        techs=("sam.patel", "jenny.cho"),
        titles=("Payroll server slow", "Payroll application freezing", "Timeout running payroll report"),
        descriptions=(
            "Payroll screens take a minute to load; whole Finance office affected.",
            "Year-to-date report times out after 5 minutes.",
        ),
        updates=("We are looking at the server; we will tell you when it is fixed.",),
        internal=(
            "Disk 91% full on PAYROLL01; cleared old logs.",
            "SQL index maintenance job hadn't run.",
            "Opened a case with the payroll vendor.",
        ),
        done=("The payroll server is back to normal speed.",),
        waiting=(("waiting_vendor", "Case opened with the payroll software vendor."),),
        minutes=(30, 180),
        weekend_factor=0.05,
        escalations=("Payroll run due tomorrow; vendor escalation requested.",),
    ),
    CategorySpec(
        key="password",
        name="Password reset",
        department="IT",
        priority="P3",
        target=1,
        keywords="password reset locked out login account expired",
        script="Verify the person (call back on their desk phone) before resetting.",
        questions=(),
        answers=(),
        weight=5,
        kind="it",
        hours="office",
        location="building",
        channels=_STAFF_IT,
        public=False,
        backlog=0.006,
        techs=("sam.patel", "jenny.cho"),
        titles=("Password reset", "Locked out of computer", "Password expired — can't log in"),
        descriptions=("Locked out after too many attempts.", "Password expired over the weekend."),
        updates=("Your password was reset; you will be asked to choose a new one.",),
        internal=("Verified by callback.",),
        done=("Password reset; the user signed in.",),
        fcr=0.6,
        weekend_factor=0.05,
        minutes=(5, 15),
    ),
    CategorySpec(
        key="printer",
        name="Printer not working",
        department="IT",
        priority="P3",
        target=3,
        keywords="printer copier jam toner scan not printing",
        script="Ask for the printer's name (label on the front) and whether it shows an error.",
        questions=("Printer name (label on the front)?",),
        answers=(("CH-FIN-1", "CH-CLK-2", "PD-1", "PW-YARD"),),
        weight=3,
        kind="it",
        hours="office",
        location="building",
        channels=_STAFF_IT,
        public=False,
        backlog=0.062,
        techs=("sam.patel", "jenny.cho"),
        titles=("Printer not working", "Copier jammed", "Can't scan to e-mail", "Printer out of toner"),
        descriptions=(
            "Printer shows 'paper jam' but there is no paper inside.",
            "Scans never arrive by e-mail.",
        ),
        updates=("A technician will stop by.",),
        internal=("Fuser worn; service call placed.", "SMTP password on the copier had expired."),
        done=("The printer is working again.",),
        waiting=(("waiting_vendor", "Service call placed with the copier vendor."),),
        minutes=(10, 60),
        weekend_factor=0.05,
    ),
    CategorySpec(
        key="laptop",
        name="New employee computer",
        department="IT",
        priority="P3",
        target=5,
        keywords="new employee laptop computer setup account onboarding hire",
        script="Needs the start date, the department and which programs the person uses.",
        questions=("Start date?", "Which programs?"),
        answers=(
            ("Next Monday", "The 1st", "In two weeks"),
            ("Office and e-mail", "Payroll and Office", "Permits and Office", "GIS"),
        ),
        weight=1,
        kind="it",
        hours="office",
        location="building",
        channels=(("email", 60), ("intranet", 40)),
        public=False,
        backlog=0.075,
        techs=("jenny.cho", "sam.patel"),
        titles=("New employee laptop", "Computer and accounts for new hire", "Setup for seasonal staff"),
        descriptions=("New hire starting Monday needs a laptop, e-mail and building access.",),
        updates=("The computer will be ready on the start date.",),
        internal=("Imaged LT-214.", "Account created; VPN token assigned."),
        done=("The new employee's computer and accounts are ready.",),
        waiting=(("waiting_parts", "Laptop on order; delivery expected next week."),),
        minutes=(30, 180),
        weekend_factor=0.0,
    ),
    CategorySpec(
        key="email",
        name="E-mail not syncing",
        department="IT",
        priority="P3",
        target=2,
        keywords="email e-mail phone sync outlook mailbox calendar",
        script="Ask whether it is the phone, the desktop, or both.",
        questions=("Phone, desktop, or both?",),
        answers=(("Phone", "Desktop", "Both"),),
        weight=2,
        kind="it",
        hours="office",
        location="building",
        channels=_STAFF_IT,
        public=False,
        backlog=0.037,
        techs=("sam.patel", "jenny.cho"),
        titles=("E-mail not syncing on phone", "Outlook not updating", "Calendar invites missing"),
        descriptions=("New messages do not show up on the city phone since yesterday.",),
        updates=("We are looking into it.",),
        internal=("Removed and re-added the account.", "Mailbox over quota; archived 2019."),
        done=("E-mail is syncing again.",),
        minutes=(10, 45),
        weekend_factor=0.05,
    ),
    CategorySpec(
        key="phones",
        name="Phone system outage",
        department="IT",
        priority="P1",
        target=0,
        keywords="phone system outage phones down dial tone voip",
        script="P1: page IT now. Tell the office to use the cell phone list meanwhile.",
        questions=("Which building?",),
        answers=(("City Hall", "Police Annex", "Public Works Yard"),),
        weight=0.25,
        kind="it",
        hours="office",
        location="building",
        channels=(("phone", 60), ("email", 20), ("intranet", 20)),
        public=False,
        backlog=0.0,
        techs=("sam.patel", "jenny.cho"),
        titles=("Phones down at {place}", "No dial tone — {place}", "Phone system outage"),
        descriptions=("No desk phone in the building has a dial tone.",),
        updates=("We are working with the phone provider; use cell phones for now.",),
        internal=("Provider confirms a circuit outage.", "PoE switch rebooted; phones re-registering."),
        done=("Phones are working again.",),
        waiting=(("waiting_vendor", "Provider ticket opened for the circuit."),),
        minutes=(30, 240),
        weekend_factor=0.05,
        escalations=(
            "Paged the IT manager: no phones at the police annex.",
            "Provider escalation requested.",
        ),
    ),
    CategorySpec(
        key="patching",
        name="Planned patching",
        department="IT",
        priority="OPS",
        target=5,
        keywords="patch updates windows monthly maintenance",
        script="Planned work; not for callers.",
        questions=(),
        answers=(),
        weight=0.6,
        kind="ops",
        hours="office",
        location="building",
        channels=(("internal", 1),),
        public=False,
        backlog=0.062,
        techs=("sam.patel", "jenny.cho"),
        titles=(
            "Monthly Windows patching — {place}",
            "Firmware update — network switches",
            "Patch the permits server",
        ),
        descriptions=("Planned monthly updates; reboot after 5 p.m.",),
        updates=(),
        internal=("Patched and rebooted; all services up.", "Two PCs needed a second reboot."),
        done=("Patching complete.",),
        minutes=(30, 180),
        weekend_factor=0.0,
    ),
    CategorySpec(
        key="backup",
        name="Backup check",
        department="IT",
        priority="OPS",
        target=1,
        keywords="backup check restore test nightly",
        script="Planned work; not for callers.",
        questions=(),
        answers=(),
        weight=0.8,
        kind="ops",
        hours="office",
        location="building",
        channels=(("internal", 1),),
        public=False,
        backlog=0.013,
        techs=("sam.patel", "jenny.cho"),
        titles=("Weekly backup check", "Restore test — payroll database", "Check offsite backup copy"),
        descriptions=("Confirm last night's backups finished and restore one file as a test.",),
        updates=(),
        internal=("All jobs green; test restore OK.", "One job failed (tape full); rerun OK."),
        done=("Backups verified.",),
        minutes=(15, 60),
        weekend_factor=0.0,
    ),
)

# Generic public resolution notes by reason ({agency}, {dup}, {location}).
DUPLICATE_NOTES = (
    "Thank you — this was already reported as request {dup}, which our crew is handling.",
    "This is the same problem as request {dup}; we will follow up there.",
)
REFERRAL_NOTES = (
    "This is handled by the {agency}. We passed your report on to them.",
    "We forwarded your report to the {agency}, which is responsible for this.",
)
NOT_CITY_NOTES = ("We looked into this; it is not something the city can act on.",)
COULD_NOT_LOCATE_NOTES = (
    "Our crew checked {location} but could not find the problem. Please call us with a nearby address "
    "or landmark if it is still there.",
)
VOID_NOTES = ("Entered by mistake; no action needed.",)

ACK_NOTES = (
    "Thanks for your report. It has been passed to {dept}.",
    "We received your request and it is in the {dept} work queue.",
)
CALL_NOTES = (
    "Called {caller} back and explained the next steps.",
    "Left a voicemail for {caller} with an update.",
    "Call from {caller} asking for an update; told them the crew is scheduled.",
)
SPANISH_NOTES = (
    "Spoke with the caller in Spanish (Luis Herrera interpreted).",
    "Requester prefers Spanish; the reply letter was sent in Spanish.",
)
FOLLOW_UP_CALLS = (
    "Caller phoned again asking for an update.",
    "Neighbour called about the same problem; told them it is already on the list.",
)
REOPEN_REASONS = (
    "Caller says the problem is back.",
    "Reported again by the same resident: it is not fixed.",
    "Resolved by mistake — the work is not finished.",
)
PRIORITY_REASONS = (
    "Raised: on a school bus route.",
    "Raised: the caller uses a wheelchair and cannot get past it.",
)
VISIT_NOTES = ("Crew scheduled.", "Will go out with the morning crew.", "Meet the resident on site.")
REROUTE_NOTES = ("Sent to the right department.", "Not ours; routed to the owning department.")

PARKS = (
    "Riverside Park",
    "Lincoln Park",
    "Veterans Memorial Park",
    "Miller Field",
    "Sunset Park",
    "Duck Pond Park",
    "Heritage Trail trailhead",
)
PLACES = (
    "City Hall",
    "City Hall — Finance office",
    "City Hall — Clerk's counter",
    "Police Annex",
    "Police Annex — dispatch",
    "Public Works Yard",
    "Public Works Yard — garage office",
    "Council chambers",
    "Senior Center",
)

# Streets: name, lat offset index (east-west streets) or lon offset index (avenues).
STREETS: tuple[str, ...] = (
    "Main St",
    "Maple St",
    "Oak St",
    "Elm St",
    "Cedar St",
    "Pine St",
    "Walnut St",
    "Chestnut St",
    "Hickory St",
    "Birch St",
    "Willow Ln",
    "River Rd",
    "Mill St",
    "Church St",
    "Market St",
    "Water St",
    "Front St",
    "Bridge St",
    "Depot St",
    "Railroad Ave",
    "Lincoln Ave",
    "Washington Ave",
    "Jefferson Ave",
    "Madison Ave",
    "Grant Ave",
    "Prairie Ave",
    "Park Ave",
    "Lake St",
    "Highland Dr",
    "Sunset Dr",
    "Meadow Ln",
    "Orchard Ln",
    "Cherry Ct",
    "Harvest Ct",
    "1st Ave",
    "2nd Ave",
    "3rd Ave",
    "4th Ave",
    "5th Ave",
    "State Route 9",
)
STATE_ROAD = "State Route 9"

FIRST_NAMES: tuple[str, ...] = (
    "James",
    "Mary",
    "Robert",
    "Patricia",
    "John",
    "Jennifer",
    "Michael",
    "Linda",
    "David",
    "Elizabeth",
    "William",
    "Barbara",
    "Richard",
    "Susan",
    "Joseph",
    "Jessica",
    "Thomas",
    "Karen",
    "Charles",
    "Sarah",
    "Christopher",
    "Lisa",
    "Daniel",
    "Nancy",
    "Matthew",
    "Betty",
    "Anthony",
    "Sandra",
    "Mark",
    "Margaret",
    "Donald",
    "Ashley",
    "Steven",
    "Kimberly",
    "Andrew",
    "Emily",
    "Paul",
    "Donna",
    "Joshua",
    "Michelle",
    "Kenneth",
    "Carol",
    "Kevin",
    "Amanda",
    "Brian",
    "Melissa",
    "George",
    "Deborah",
    "Timothy",
    "Stephanie",
    "Ronald",
    "Rebecca",
    "Jason",
    "Sharon",
    "Edward",
    "Laura",
    "Jeffrey",
    "Cynthia",
    "Ryan",
    "Dorothy",
    "Jacob",
    "Amy",
    "Gary",
    "Kathleen",
    "Nicholas",
    "Angela",
    "Eric",
    "Shirley",
    "Jonathan",
    "Brenda",
    "Larry",
    "Emma",
    "Justin",
    "Anna",
    "Scott",
    "Pamela",
    "Brandon",
    "Nicole",
    "Gregory",
    "Samantha",
    "Tyler",
    "Hannah",
    "Dwayne",
    "Tamika",
    "Keisha",
    "Darnell",
    "Mei",
    "Priya",
    "Arjun",
    "Fatima",
)
LAST_NAMES: tuple[str, ...] = (
    "Smith",
    "Johnson",
    "Williams",
    "Brown",
    "Jones",
    "Miller",
    "Davis",
    "Wilson",
    "Anderson",
    "Taylor",
    "Thomas",
    "Moore",
    "Jackson",
    "Martin",
    "Lee",
    "Thompson",
    "White",
    "Harris",
    "Clark",
    "Lewis",
    "Robinson",
    "Walker",
    "Young",
    "Allen",
    "King",
    "Wright",
    "Scott",
    "Hill",
    "Green",
    "Adams",
    "Baker",
    "Nelson",
    "Carter",
    "Mitchell",
    "Roberts",
    "Turner",
    "Phillips",
    "Campbell",
    "Parker",
    "Evans",
    "Edwards",
    "Collins",
    "Stewart",
    "Morris",
    "Murphy",
    "Cook",
    "Rogers",
    "Peterson",
    "Cooper",
    "Reed",
    "Bailey",
    "Bell",
    "Kelly",
    "Howard",
    "Ward",
    "Cox",
    "Richardson",
    "Wood",
    "Watson",
    "Brooks",
    "Bennett",
    "Gray",
    "James",
    "Hughes",
    "Price",
    "Sanders",
    "Myers",
    "Long",
    "Ross",
    "Foster",
    "Schmidt",
    "Schneider",
    "Olson",
    "Larson",
    "Hansen",
    "Novak",
    "Kowalczyk",
    "Nguyen",
    "Kim",
    "Patel",
    "Chen",
    "Singh",
    "Okafor",
    "Washington",
    "Becker",
    "Hoffman",
    "Wagner",
    "Lindqvist",
    "Jablonski",
    "Dubois",
)
SPANISH_FIRST: tuple[str, ...] = (
    "José",
    "María",
    "Juan",
    "Guadalupe",
    "Luis",
    "Rosa",
    "Carlos",
    "Ana",
    "Jesús",
    "Carmen",
    "Miguel",
    "Verónica",
    "Francisco",
    "Lucía",
    "Alejandro",
    "Sofía",
    "Javier",
    "Isabel",
    "Ramón",
    "Adriana",
    "Raúl",
    "Mónica",
    "Héctor",
    "Beatriz",
    "Andrés",
    "Elena",
    "Óscar",
    "Paola",
)
SPANISH_LAST: tuple[str, ...] = (
    "García",
    "Rodríguez",
    "Martínez",
    "Hernández",
    "López",
    "González",
    "Pérez",
    "Sánchez",
    "Ramírez",
    "Torres",
    "Flores",
    "Rivera",
    "Gómez",
    "Díaz",
    "Reyes",
    "Morales",
    "Cruz",
    "Ortiz",
    "Gutiérrez",
    "Chávez",
    "Ramos",
    "Ruiz",
    "Álvarez",
    "Mendoza",
    "Castillo",
    "Jiménez",
    "Vásquez",
    "Núñez",
    "Peña",
    "Ibarra",
)
# People with names that test accents and non-ASCII letters; (name, preferred language).
SPECIAL_PEOPLE: tuple[tuple[str, str], ...] = (
    ("José Núñez", "es"),
    ("Zoë Łukasik", "en"),
    ("Renée Côté", "en"),
    ("Björn Ångström", "en"),
    ("Nguyễn Thị Lan", "en"),
    ("Siobhán O'Brien", "en"),
    ("Małgorzata Wiśniewska", "en"),
    ("Begoña Muñoz", "es"),
)
# Letters that Unicode decomposition does not turn into ASCII.
ASCII_FOLD = str.maketrans(
    {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "ı": "i", "'": "", " ": "."}
)
EMAIL_DOMAINS = ("example.com", "example.net", "example.org", "mail.example.com")
STAFF_EMAIL_DOMAIN = "cityofriverton.example.gov"

# Weights of staff requesters by department (who files IT tickets).
STAFF_REQUESTER_DEPARTMENTS: tuple[tuple[str, int], ...] = (
    ("CLK", 6),
    ("FIN", 8),
    ("PW", 10),
    ("PD", 12),
    ("PARKS", 5),
    ("IT", 1),
)
