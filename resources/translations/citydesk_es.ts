<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
  <context>
    <name>AddressImport</name>
    <message>
      <location filename="../../src/citydesk/ui/counter/address_import.py" line="25" />
      <source>Import the city's address list</source>
      <translation>Importar la lista de direcciones de la ciudad</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/address_import.py" line="27" />
      <source>CSV files (*.csv *.txt);;All files (*)</source>
      <translation>Archivos CSV (*.csv *.txt);;Todos los archivos (*)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/address_import.py" line="38" />
      <source>Nothing was imported. Fix these rows and import again:</source>
      <translation>No se importó nada. Corrija estas filas e importe de nuevo:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/address_import.py" line="41" />
      <source>… and {0} more.</source>
      <translation>… y {0} más.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/address_import.py" line="57" />
      <source>Address import notice</source>
      <translation>Aviso de la importación de direcciones</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/address_import.py" line="61" />
      <source>The address list was not imported.</source>
      <translation>La lista de direcciones no se importó.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/address_import.py" line="63" />
      <source>Address import problems</source>
      <translation>Problemas de la importación de direcciones</translation>
    </message>
  </context>
  <context>
    <name>App</name>
    <message>
      <location filename="../../src/citydesk/ui/app.py" line="289" />
      <source>citydesk is already open on this database; it was brought to the front.</source>
      <translation>citydesk ya está abierto con esta base de datos; se trajo al frente.</translation>
    </message>
  </context>
  <context>
    <name>AssignDialog</name>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="179" />
      <source>Assign</source>
      <translation>Asignar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="181" />
      <source>Assign to</source>
      <translation>Asignar a</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="191" />
      <source>{0} (department queue)</source>
      <translation>{0} (cola del departamento)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="195" />
      <source>Nobody (unassign)</source>
      <translation>Nadie (quitar la asignación)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="196" />
      <source>Assign &amp;to:</source>
      <translation>Asignar &amp;a:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="197" />
      <source>Type the first letters of a name to jump to it.</source>
      <translation>Escriba las primeras letras de un nombre para ir a él.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="216" />
      <source>{0} assigned to {1}</source>
      <translation>{0} asignado a {1}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="64" />
      <source>Ctrl+Enter</source>
      <translation>Ctrl+Intro</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="76" />
      <source>{0} updated</source>
      <translation>{0} actualizado</translation>
    </message>
  </context>
  <context>
    <name>ChangePriorityDialog</name>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="261" />
      <source>Change priority</source>
      <translation>Cambiar la prioridad</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="264" />
      <source>Priority</source>
      <translation>Prioridad</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="284" />
      <source>Priority:</source>
      <translation>Prioridad:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="298" />
      <source>{0} is now {1}</source>
      <translation>{0} ahora está en {1}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="64" />
      <source>Ctrl+Enter</source>
      <translation>Ctrl+Intro</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="76" />
      <source>{0} updated</source>
      <translation>{0} actualizado</translation>
    </message>
  </context>
  <context>
    <name>ChangeStatusDialog</name>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="223" />
      <source>Change status</source>
      <translation>Cambiar el estado</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="224" />
      <source>New status</source>
      <translation>Nuevo estado</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="227" />
      <source>Now: {0}</source>
      <translation>Ahora: {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="229" />
      <source>&amp;New status:</source>
      <translation>&amp;Nuevo estado:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="231" />
      <source>To resolve the ticket, use Resolve (Ctrl+R): it asks for a reason.</source>
      <translation>Para resolver el ticket, use Resolver (Ctrl+R): pide un motivo.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="242" />
      <source>{0} is now {1}</source>
      <translation>{0} ahora está en {1}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="64" />
      <source>Ctrl+Enter</source>
      <translation>Ctrl+Intro</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="76" />
      <source>{0} updated</source>
      <translation>{0} actualizado</translation>
    </message>
  </context>
  <context>
    <name>ChannelField</name>
    <message>
      <location filename="../../src/citydesk/ui/counter/channel_field.py" line="36" />
      <source>{0} ({1})</source>
      <translation>{0} ({1})</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/channel_field.py" line="38" />
      <source>Type a letter: {0}</source>
      <translation>Escriba una letra: {0}</translation>
    </message>
  </context>
  <context>
    <name>CityCalendarDialog</name>
    <message>
      <location filename="../../src/citydesk/ui/city_calendar.py" line="31" />
      <source>City calendar</source>
      <translation>Calendario de la ciudad</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/city_calendar.py" line="36" />
      <source>Due dates count the city's business days and opening hours: holidays and the hours below move them for every ticket logged from now on.</source>
      <translation>Las fechas de vencimiento cuentan los días hábiles y el horario de la ciudad: los feriados y el horario de abajo las mueven para cada caso registrado desde ahora.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/city_calendar.py" line="40" />
      <source>Opens at</source>
      <translation>Abre a las</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/city_calendar.py" line="41" />
      <source>&amp;Opens at (HH:MM):</source>
      <translation>&amp;Abre a las (HH:MM):</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/city_calendar.py" line="42" />
      <source>Closes at</source>
      <translation>Cierra a las</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/city_calendar.py" line="43" />
      <source>&amp;Closes at (HH:MM):</source>
      <translation>&amp;Cierra a las (HH:MM):</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/city_calendar.py" line="44" />
      <source>How the city writes dates</source>
      <translation>Cómo escribe la ciudad las fechas</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/city_calendar.py" line="47" />
      <source>&amp;Dates written as:</source>
      <translation>&amp;Fechas escritas como:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/city_calendar.py" line="49" />
      <source>Holidays</source>
      <translation>Feriados</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/city_calendar.py" line="49" />
      <source>One date a line, as 2026-12-25</source>
      <translation>Una fecha por línea, como 2026-12-25</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/city_calendar.py" line="51" />
      <source>&amp;Holidays:</source>
      <translation>&amp;Feriados:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/city_calendar.py" line="58" />
      <source>&amp;Save</source>
      <translation>&amp;Guardar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/city_calendar.py" line="71" />
      <source>month/day/year</source>
      <translation>mes/día/año</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/city_calendar.py" line="72" />
      <source>day/month/year</source>
      <translation>día/mes/año</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/city_calendar.py" line="73" />
      <source>year-month-day</source>
      <translation>año-mes-día</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/city_calendar.py" line="87" />
      <source>This PC is connected to the city's server, which holds the city calendar. An administrator changes it there: citydesk-server setting set holidays "2026-12-25, 2027-01-01".</source>
      <translation>Este equipo está conectado al servidor de la ciudad, que guarda el calendario de la ciudad. Un administrador lo cambia allí: citydesk-server setting set holidays "2026-12-25, 2027-01-01".</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/city_calendar.py" line="112" />
      <source>City calendar saved: due dates follow it from now on.</source>
      <translation>Calendario de la ciudad guardado: las fechas de vencimiento lo siguen desde ahora.</translation>
    </message>
  </context>
  <context>
    <name>CitydeskApp</name>
    <message>
      <location filename="../../src/citydesk/ui/app.py" line="73" />
      <source>Signed in as {0}</source>
      <translation>Sesión iniciada como {0}</translation>
    </message>
  </context>
  <context>
    <name>CompletionField</name>
    <message>
      <location filename="../../src/citydesk/ui/counter/completion.py" line="68" />
      <source>Suggestions for {0}</source>
      <translation>Sugerencias para {0}</translation>
    </message>
  </context>
  <context>
    <name>Conflicts</name>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/words.py" line="78" />
      <source>The person who made it is not allowed to make this change.</source>
      <translation>La persona que lo hizo no tiene permiso para hacer este cambio.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/words.py" line="81" />
      <source>The person who made it had been disabled by the administrator before it was made.</source>
      <translation>El administrador había desactivado a la persona que lo hizo antes de que lo hiciera.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/words.py" line="84" />
      <source>The server does not know the person who made it.</source>
      <translation>El servidor no conoce a la persona que lo hizo.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/words.py" line="85" />
      <source>It belongs to another change that was not accepted.</source>
      <translation>Forma parte de otro cambio que no se aceptó.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/words.py" line="88" />
      <source>Changes from an office PC cannot be made in the system's name.</source>
      <translation>Los cambios desde el equipo de una oficina no pueden hacerse en nombre del sistema.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/words.py" line="96" />
      <source>a new ticket</source>
      <translation>un ticket nuevo</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/words.py" line="97" />
      <source>a note</source>
      <translation>una nota</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/words.py" line="98" />
      <source>a call</source>
      <translation>una llamada</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/words.py" line="99" />
      <source>a status change</source>
      <translation>un cambio de estado</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/words.py" line="100" />
      <source>a priority change</source>
      <translation>un cambio de prioridad</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/words.py" line="101" />
      <source>an assignment</source>
      <translation>una asignación</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/words.py" line="102" />
      <source>an edit</source>
      <translation>una edición</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/words.py" line="103" />
      <source>an escalation</source>
      <translation>un escalamiento</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/words.py" line="104" />
      <source>time spent</source>
      <translation>tiempo dedicado</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/words.py" line="105" />
      <source>a visit</source>
      <translation>una visita</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/words.py" line="106" />
      <source>another reporter</source>
      <translation>otra persona que lo reportó</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/words.py" line="107" />
      <source>a resolution</source>
      <translation>una resolución</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/words.py" line="108" />
      <source>a reopening</source>
      <translation>una reapertura</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/words.py" line="109" />
      <source>a redaction</source>
      <translation>un texto ocultado</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/words.py" line="110" />
      <source>a requester merge</source>
      <translation>una fusión de solicitantes</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/words.py" line="114" />
      <source>a requester record</source>
      <translation>un registro de solicitante</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/words.py" line="115" />
      <source>an address record</source>
      <translation>un registro de dirección</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/words.py" line="116" />
      <source>a receipt text record</source>
      <translation>un texto del comprobante</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/words.py" line="117" />
      <source>a counted contact record</source>
      <translation>un registro de contacto contado</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/words.py" line="118" />
      <source>an office record</source>
      <translation>un registro de oficina</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/words.py" line="119" />
      <source>a department record</source>
      <translation>un registro de departamento</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/words.py" line="120" />
      <source>a category record</source>
      <translation>un registro de categoría</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/words.py" line="121" />
      <source>a user record</source>
      <translation>un registro de usuario</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/words.py" line="122" />
      <source>a city setting record</source>
      <translation>una configuración de la ciudad</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/settle.py" line="41" />
      <source>Settle a conflict — {0}</source>
      <translation>Decidir un conflicto — {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/settle.py" line="47" />
      <source>Choose the value to keep; every office will see your choice after its next sync.</source>
      <translation>Elija el valor que se conserva; todas las oficinas verán su elección después de su próxima sincronización.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/settle.py" line="65" />
      <source>&amp;Keep this value</source>
      <translation>&amp;Conservar este valor</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/settle.py" line="66" />
      <source>Keep this value</source>
      <translation>Conservar este valor</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/settle.py" line="69" />
      <source>Cancel</source>
      <translation>Cancelar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/settle.py" line="91" />
      <source>{0}: {1} is now {2}; other offices get your choice when they sync</source>
      <translation>{0}: {1} es ahora {2}; las demás oficinas recibirán su elección al sincronizar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/shared_numbers.py" line="36" />
      <source>{0} is carried by {1} tickets; both keep it:</source>
      <translation>{0} lo llevan {1} tickets; ambos lo conservan:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/shared_numbers.py" line="39" />
      <location filename="../../src/citydesk/ui/conflicts/words.py" line="55" />
      <location filename="../../src/citydesk/ui/conflicts/words.py" line="169" />
      <source>someone</source>
      <translation>alguien</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/shared_numbers.py" line="40" />
      <location filename="../../src/citydesk/ui/conflicts/words.py" line="56" />
      <source>another office</source>
      <translation>otra oficina</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/shared_numbers.py" line="42" />
      <source>“{0}” — logged by {1} at {2}, {3}</source>
      <translation>«{0}» — registrado por {1} en {2}, {3}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/shared_numbers.py" line="62" />
      <source>Shared ticket numbers</source>
      <translation>Números de ticket compartidos</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/shared_numbers.py" line="64" />
      <source>Each number two tickets carry. Press Enter to open the first.</source>
      <translation>Cada número que llevan dos tickets. Pulse Intro para abrir el primero.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/shared_numbers.py" line="73" />
      <source>Open &amp;first ticket</source>
      <translation>Abrir el &amp;primer ticket</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/shared_numbers.py" line="74" />
      <source>Open first ticket</source>
      <translation>Abrir el primer ticket</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/shared_numbers.py" line="76" />
      <source>Open s&amp;econd ticket</source>
      <translation>Abrir el &amp;segundo ticket</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/shared_numbers.py" line="77" />
      <source>Open second ticket</source>
      <translation>Abrir el segundo ticket</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/shared_numbers.py" line="109" />
      <source>Two tickets were given the same number by copies of one office database before the server noticed. Both keep the number (it may be on a receipt); when someone asks about it, looking it up lists both.</source>
      <translation>Copias de una misma base de datos de oficina dieron el mismo número a dos tickets antes de que el servidor lo notara. Ambos conservan el número (puede estar en un comprobante); al buscarlo aparecen los dos.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/shared_numbers.py" line="115" />
      <source>No ticket number is carried by two tickets.</source>
      <translation>Ningún número de ticket lo llevan dos tickets.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/window.py" line="66" />
      <source>Conflicts and changes not accepted</source>
      <translation>Conflictos y cambios no aceptados</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/window.py" line="71" />
      <source>Sync problems</source>
      <translation>Problemas de sincronización</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/window.py" line="76" />
      <source>Shared numbers</source>
      <translation>Números compartidos</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/window.py" line="77" />
      <source>&amp;Close</source>
      <translation>&amp;Cerrar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/window.py" line="77" />
      <source>Close</source>
      <translation>Cerrar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/window.py" line="97" />
      <source>Open conflicts</source>
      <translation>Conflictos abiertos</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/window.py" line="97" />
      <source>Press Enter to choose the value to keep for the selected conflict.</source>
      <translation>Pulse Intro para elegir el valor que se conserva en el conflicto seleccionado.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/window.py" line="103" />
      <source>&amp;Settle…</source>
      <translation>&amp;Decidir…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/window.py" line="103" />
      <source>Settle, choose the value to keep</source>
      <translation>Decidir, elegir el valor que se conserva</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/window.py" line="105" />
      <source>&amp;Open ticket</source>
      <translation>&amp;Abrir ticket</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/window.py" line="105" />
      <location filename="../../src/citydesk/ui/conflicts/window.py" line="129" />
      <source>Open ticket</source>
      <translation>Abrir ticket</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/window.py" line="111" />
      <location filename="../../src/citydesk/ui/conflicts/window.py" line="180" />
      <source>Conflicts</source>
      <translation>Conflictos</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/window.py" line="122" />
      <location filename="../../src/citydesk/ui/conflicts/window.py" line="134" />
      <location filename="../../src/citydesk/ui/conflicts/window.py" line="211" />
      <source>Changes not accepted</source>
      <translation>Cambios no aceptados</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/window.py" line="123" />
      <source>Each change the city's server did not accept, why, and what was kept.</source>
      <translation>Cada cambio que el servidor de la ciudad no aceptó, por qué y qué se conservó.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/window.py" line="129" />
      <source>Open &amp;ticket</source>
      <translation>Abrir &amp;ticket</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/window.py" line="167" />
      <source>Looking for conflicts…</source>
      <translation>Buscando conflictos…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/window.py" line="169" />
      <source>No conflicts: every office agrees on every ticket.</source>
      <translation>No hay conflictos: todas las oficinas coinciden en todos los tickets.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/window.py" line="173" />
      <source>Two offices changed the same thing on a ticket before they synced. The later change is shown for now; choose the value to keep.</source>
      <translation>Dos oficinas cambiaron lo mismo en un ticket antes de sincronizar. Por ahora se muestra el cambio más reciente; elija el valor que se conserva.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/window.py" line="180" />
      <source>Conflicts ({0})</source>
      <translation>Conflictos ({0})</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/window.py" line="204" />
      <source>The city's server did not accept these changes, so they were undone on this PC. Ask a supervisor if one of them should be made again.</source>
      <translation>El servidor de la ciudad no aceptó estos cambios, así que se deshicieron en este equipo. Pregunte a un supervisor si alguno debe hacerse de nuevo.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/window.py" line="210" />
      <source>Every change made here was accepted.</source>
      <translation>Se aceptaron todos los cambios hechos aquí.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/window.py" line="211" />
      <source>Changes not accepted ({0})</source>
      <translation>Cambios no aceptados ({0})</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/words.py" line="24" />
      <source>the priority</source>
      <translation>la prioridad</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/words.py" line="25" />
      <source>the status</source>
      <translation>el estado</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/words.py" line="26" />
      <source>who it is assigned to</source>
      <translation>a quién está asignado</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/words.py" line="27" />
      <source>the title</source>
      <translation>el título</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/words.py" line="28" />
      <source>the description</source>
      <translation>la descripción</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/words.py" line="29" />
      <source>the department</source>
      <translation>el departamento</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/words.py" line="30" />
      <source>the category</source>
      <translation>la categoría</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/words.py" line="31" />
      <source>the escalation level</source>
      <translation>el nivel de escalamiento</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/words.py" line="32" />
      <source>the location</source>
      <translation>la ubicación</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/words.py" line="34" />
      <source>the ticket</source>
      <translation>el ticket</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/words.py" line="44" />
      <source>a former user</source>
      <translation>un antiguo usuario</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/words.py" line="44" />
      <source>Unassigned</source>
      <translation>Sin asignar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/words.py" line="46" />
      <source>nothing</source>
      <translation>nada</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/words.py" line="58" />
      <source>{0} — set by {1} at {2}, {3}</source>
      <translation>{0} — puesto por {1} en {2}, {3}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/words.py" line="65" />
      <source>two offices</source>
      <translation>dos oficinas</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/words.py" line="65" />
      <source>{0} offices</source>
      <translation>{0} oficinas</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/words.py" line="66" />
      <source>{0}: {1} changed {2} at the same time ({3} is shown now)</source>
      <translation>{0}: {1} cambiaron {2} al mismo tiempo (ahora se muestra {3})</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/words.py" line="129" />
      <source>The city's server did not accept it.</source>
      <translation>El servidor de la ciudad no lo aceptó.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/words.py" line="134" />
      <source>a ticket</source>
      <translation>un ticket</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/words.py" line="136" />
      <source>Logging ticket {0}</source>
      <translation>Registrar el ticket {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/words.py" line="139" />
      <location filename="../../src/citydesk/ui/conflicts/words.py" line="147" />
      <source>Changing {0} of {1} to {2}</source>
      <translation>Cambiar {0} de {1} a {2}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/words.py" line="143" />
      <source>a {0}</source>
      <translation>un elemento «{0}»</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/words.py" line="144" />
      <source>Adding {0} to {1}</source>
      <translation>Agregar {0} a {1}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/words.py" line="146" />
      <source>a {0} record</source>
      <translation>un registro «{0}»</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/words.py" line="155" />
      <source>Kept instead: nothing — the ticket was not added to the city's records.</source>
      <translation>Se conservó en su lugar: nada — el ticket no se agregó a los registros de la ciudad.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/words.py" line="158" />
      <source>Kept instead: nothing — the text was: “{0}”</source>
      <translation>Se conservó en su lugar: nada — el texto era: «{0}»</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/words.py" line="159" />
      <source>Kept instead: nothing.</source>
      <translation>Se conservó en su lugar: nada.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/words.py" line="161" />
      <source>Kept instead: nothing — the ticket is not here.</source>
      <translation>Se conservó en su lugar: nada — el ticket no está aquí.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/words.py" line="162" />
      <source>Kept instead: {0}.</source>
      <translation>Se conservó en su lugar: {0}.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/words.py" line="170" />
      <source>{0} (by {1}) was not accepted by the city's server on {2}.</source>
      <translation>{0} (por {1}): el servidor de la ciudad no lo aceptó el {2}.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/words.py" line="174" />
      <source>(the server's words: “{0}”)</source>
      <translation>(palabras del servidor: «{0}»)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/conflicts/words.py" line="175" />
      <source>Why:</source>
      <translation>Motivo:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="28" />
      <source>New</source>
      <translation>Nuevo</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="29" />
      <source>Assigned</source>
      <translation>Asignado</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="30" />
      <source>In progress</source>
      <translation>En curso</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="31" />
      <source>Waiting for the requester</source>
      <translation>En espera del solicitante</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="32" />
      <source>Waiting for a vendor</source>
      <translation>En espera de un proveedor</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="33" />
      <source>Waiting for parts</source>
      <translation>En espera de piezas</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="34" />
      <source>Resolved</source>
      <translation>Resuelto</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="35" />
      <source>Closed</source>
      <translation>Cerrado</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="38" />
      <source>P1 Critical</source>
      <translation>P1 Crítica</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="39" />
      <source>P2 High</source>
      <translation>P2 Alta</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="40" />
      <source>P3 Normal</source>
      <translation>P3 Normal</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="41" />
      <source>Ops (planned work)</source>
      <translation>Ops (trabajo planificado)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="44" />
      <source>Service down or security breach: dispatch now, page the on-call person, around the clock.</source>
      <translation>Servicio caído o brecha de seguridad: enviar ya, avisar a la persona de guardia, a cualquier hora.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="47" />
      <source>Degraded or important: handle the same business day.</source>
      <translation>Degradado o importante: atender el mismo día hábil.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="48" />
      <source>Normal request: done within the category's target number of business days.</source>
      <translation>Solicitud normal: se resuelve dentro del plazo en días hábiles de la categoría.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="51" />
      <source>Planned operational work (patches, backup checks, upgrades), counted apart from requests.</source>
      <translation>Trabajo operativo planificado (parches, comprobación de copias de seguridad, actualizaciones), contado aparte de las solicitudes.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="56" />
      <location filename="../../src/citydesk/ui/words.py" line="76" />
      <source>Phone</source>
      <translation>Teléfono</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="57" />
      <source>Walk-in</source>
      <translation>Presencial</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="58" />
      <location filename="../../src/citydesk/ui/words.py" line="77" />
      <source>E-mail</source>
      <translation>Correo electrónico</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="59" />
      <source>Web</source>
      <translation>Web</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="60" />
      <source>Intranet</source>
      <translation>Intranet</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="61" />
      <source>Internal</source>
      <translation>Interno</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="62" />
      <source>After-hours dispatch</source>
      <translation>Despacho fuera de horario</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="67" />
      <source>W (Walk-in)</source>
      <translation>P (Presencial)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="68" />
      <source>P (Phone)</source>
      <translation>T (Teléfono)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="69" />
      <source>E (E-mail)</source>
      <translation>C (Correo electrónico)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="70" />
      <source>B (Web)</source>
      <translation>W (Web)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="71" />
      <source>T (Intranet)</source>
      <translation>N (iNtranet)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="72" />
      <source>I (Internal)</source>
      <translation>I (Interno)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="73" />
      <source>A (After-hours dispatch)</source>
      <translation>F (Fuera de horario)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="78" />
      <source>Letter</source>
      <translation>Carta</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="79" />
      <source>No reply wanted</source>
      <translation>No quiere respuesta</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="82" />
      <source>Done</source>
      <translation>Hecho</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="83" />
      <source>Duplicate of another request</source>
      <translation>Duplicado de otra solicitud</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="84" />
      <source>Referred to another agency</source>
      <translation>Remitido a otro organismo</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="85" />
      <source>Not a city matter</source>
      <translation>No es asunto de la ciudad</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="86" />
      <source>Could not locate</source>
      <translation>No se pudo localizar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="87" />
      <source>Void (entered by mistake)</source>
      <translation>Anulado (ingresado por error)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="90" />
      <source>Clerk</source>
      <translation>Empleado de mostrador</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="91" />
      <source>Technician</source>
      <translation>Técnico</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="92" />
      <source>Supervisor</source>
      <translation>Supervisor</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="93" />
      <source>Admin</source>
      <translation>Administrador</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="94" />
      <source>System</source>
      <translation>Sistema</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="97" />
      <source>Citizen</source>
      <translation>Ciudadano</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="98" />
      <source>City staff member</source>
      <translation>Empleado de la ciudad</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="101" />
      <source>English</source>
      <translation>Inglés</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="102" />
      <source>Spanish</source>
      <translation>Español</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="194" />
      <source>1 minute</source>
      <translation>1 minuto</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="194" />
      <source>{0} minutes</source>
      <translation>{0} minutos</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="193" />
      <source>1 hour</source>
      <translation>1 hora</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="193" />
      <source>{0} hours</source>
      <translation>{0} horas</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="191" />
      <source>{0} days</source>
      <translation>{0} días</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="178" />
      <source>Reported by 1 person</source>
      <translation>Informado por 1 persona</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="178" />
      <source>Reported by {0} people</source>
      <translation>Informado por {0} personas</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="167" />
      <source>en</source>
      <translation>es</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="183" />
      <source>1 person</source>
      <translation>1 persona</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="183" />
      <source>{0} people</source>
      <translation>{0} personas</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="191" />
      <source>1 day</source>
      <translation>1 día</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="200" />
      <source>just now</source>
      <translation>justo ahora</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="201" />
      <source>{0} ago</source>
      <translation>hace {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="206" />
      <location filename="../../src/citydesk/ui/words.py" line="237" />
      <source>ddd d MMM yyyy</source>
      <translation>ddd d 'de' MMM 'de' yyyy</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="211" />
      <source>d MMM yyyy</source>
      <translation>d MMM yyyy</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="216" />
      <source>ddd dd MMM</source>
      <translation>ddd dd MMM</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="221" />
      <source>dddd, MMMM d, yyyy</source>
      <translation>dddd, d 'de' MMMM 'de' yyyy</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="226" />
      <source>dddd, MMMM d</source>
      <translation>dddd, d 'de' MMMM</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="232" />
      <source>ddd d MMM yyyy, h:mm AP</source>
      <translation>ddd d 'de' MMM 'de' yyyy, H:mm</translation>
    </message>
  </context>
  <context>
    <name>ConnectDialog</name>
    <message>
      <location filename="../../src/citydesk/ui/sync/connect_dialog.py" line="75" />
      <source>Connect to the city's server</source>
      <translation>Conectarse al servidor de la ciudad</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/connect_dialog.py" line="81" />
      <source>This office's tickets, requesters and history join the city's shared database and keep their numbers. From then on this PC sends its changes to the city's server and receives everyone else's. Nothing here is deleted. Ask the city's administrator for a one-time code.</source>
      <translation>Los tickets, solicitantes e historial de esta oficina se suman a la base de datos compartida de la ciudad y conservan sus números. Desde entonces, este equipo envía sus cambios al servidor de la ciudad y recibe los de todos los demás. No se borra nada de aquí. Pida al administrador de la ciudad un código de un solo uso.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/connect_dialog.py" line="87" />
      <source>This PC becomes one of the city's office PCs: everything the city shares is downloaded from its server, and your changes are sent there. Ask the city's administrator for the server's address and a one-time code.</source>
      <translation>Este equipo pasa a ser uno de los equipos de oficina de la ciudad: todo lo que la ciudad comparte se descarga de su servidor y sus cambios se envían allí. Pida al administrador de la ciudad la dirección del servidor y un código de un solo uso.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/connect_dialog.py" line="92" />
      <source>What connecting does</source>
      <translation>Qué hace la conexión</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/connect_dialog.py" line="95" />
      <source>Server address</source>
      <translation>Dirección del servidor</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/connect_dialog.py" line="96" />
      <source>One-time code</source>
      <translation>Código de un solo uso</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/connect_dialog.py" line="98" />
      <location filename="../../src/citydesk/ui/sync/connect_dialog.py" line="113" />
      <source>Certificate file (only if IT gave you one)</source>
      <translation>Archivo de certificado (solo si Informática le dio uno)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/connect_dialog.py" line="98" />
      <source>none</source>
      <translation>ninguno</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/connect_dialog.py" line="100" />
      <source>&amp;Choose…</source>
      <translation>&amp;Elegir…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/connect_dialog.py" line="101" />
      <source>Choose the certificate file</source>
      <translation>Elegir el archivo de certificado</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/connect_dialog.py" line="109" />
      <source>This PC's name</source>
      <translation>Nombre de este equipo</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/connect_dialog.py" line="110" />
      <source>Server &amp;address:</source>
      <translation>&amp;Dirección del servidor:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/connect_dialog.py" line="111" />
      <source>One-time &amp;code:</source>
      <translation>&amp;Código de un solo uso:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/connect_dialog.py" line="112" />
      <source>Certificate &amp;file:</source>
      <translation>&amp;Archivo de certificado:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/connect_dialog.py" line="114" />
      <source>This PC's &amp;name:</source>
      <translation>&amp;Nombre de este equipo:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/connect_dialog.py" line="117" />
      <source>Progress connecting</source>
      <translation>Progreso de la conexión</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/connect_dialog.py" line="123" />
      <source>&amp;Connect</source>
      <translation>C&amp;onectar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/connect_dialog.py" line="135" />
      <source>The city's certificate file</source>
      <translation>El archivo de certificado de la ciudad</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/connect_dialog.py" line="136" />
      <source>Certificate files (*.pem *.crt *.cer);;All files (*)</source>
      <translation>Archivos de certificado (*.pem *.crt *.cer);;Todos los archivos (*)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/connect_dialog.py" line="150" />
      <source>Type the server's address as IT gave it, starting with https://</source>
      <translation>Escriba la dirección del servidor tal como se la dio Informática, empezando por https://</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/connect_dialog.py" line="154" />
      <source>Type the one-time code from the city's administrator.</source>
      <translation>Escriba el código de un solo uso que le dio el administrador de la ciudad.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/connect_dialog.py" line="159" />
      <source>There is no file at {0}.</source>
      <translation>No hay ningún archivo en {0}.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/connect_dialog.py" line="226" />
      <source>This PC is connected to the city's server (office {0}); its new tickets are numbered {1}-….</source>
      <translation>Este equipo está conectado al servidor de la ciudad (oficina {0}); sus tickets nuevos se numeran {1}-….</translation>
    </message>
  </context>
  <context>
    <name>CounterActions</name>
    <message>
      <location filename="../../src/citydesk/ui/counter/actions.py" line="26" />
      <source>&amp;Status question…</source>
      <translation>Consulta de &amp;estado…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/actions.py" line="27" />
      <source>&amp;Question answered on the spot…</source>
      <translation>&amp;Pregunta respondida en el momento…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/actions.py" line="29" />
      <source>&amp;Receipt texts…</source>
      <translation>Textos del &amp;comprobante…</translation>
    </message>
  </context>
  <context>
    <name>CsvActions</name>
    <message>
      <location filename="../../src/citydesk/ui/csvio/__init__.py" line="25" />
      <source>E&amp;xport tickets…</source>
      <translation>E&amp;xportar tickets…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/__init__.py" line="27" />
      <source>&amp;Import tickets…</source>
      <translation>&amp;Importar tickets…</translation>
    </message>
  </context>
  <context>
    <name>DuplicateInfo</name>
    <message>
      <location filename="../../src/citydesk/ui/detail/duplicate_info.py" line="25" />
      <source>no category</source>
      <translation>sin categoría</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/duplicate_info.py" line="26" />
      <source>no department</source>
      <translation>sin departamento</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/duplicate_info.py" line="35" />
      <source>Duplicate of: {0}</source>
      <translation>Duplicado de: {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/duplicate_info.py" line="37" />
      <source>Warning: {0} tickets carry this number; this is the oldest.</source>
      <translation>Atención: {0} tickets llevan este número; este es el más antiguo.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/duplicate_info.py" line="40" />
      <source>Warning: a different category ({0}, this one: {1}).</source>
      <translation>Atención: otra categoría ({0}; este: {1}).</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/duplicate_info.py" line="41" />
      <location filename="../../src/citydesk/ui/detail/duplicate_info.py" line="44" />
      <source>none</source>
      <translation>ninguno</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/duplicate_info.py" line="43" />
      <source>Warning: a different department ({0}, this one: {1}).</source>
      <translation>Atención: otro departamento ({0}; este: {1}).</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/duplicate_info.py" line="47" />
      <source>Warning: {0} is closed as a duplicate in a loop ({1} → back again); pick the ticket that is really being worked on.</source>
      <translation>Atención: {0} está cerrado como duplicado en un ciclo ({1} → de vuelta); elija el ticket en el que realmente se trabaja.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/duplicate_info.py" line="50" />
      <source>{0} is itself closed as a duplicate: {1}.</source>
      <translation>{0} también está cerrado como duplicado: {1}.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/duplicate_info.py" line="52" />
      <source>End of the chain: {0}</source>
      <translation>Final de la cadena: {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/duplicate_info.py" line="79" />
      <source>The other ticket</source>
      <translation>El otro ticket</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/duplicate_info.py" line="119" />
      <source>No ticket numbered {0} yet.</source>
      <translation>Todavía no hay un ticket con el número {0}.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/duplicate_info.py" line="125" />
      <source>&amp;Use {0} instead</source>
      <translation>&amp;Usar {0} en su lugar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/duplicate_info.py" line="126" />
      <source>Use {0} instead</source>
      <translation>Usar {0} en su lugar</translation>
    </message>
  </context>
  <context>
    <name>DuplicateList</name>
    <message>
      <location filename="../../src/citydesk/ui/counter/duplicates.py" line="20" />
      <source>Same address</source>
      <translation>Misma dirección</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/duplicates.py" line="21" />
      <source>Same block</source>
      <translation>Misma cuadra</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/duplicates.py" line="22" />
      <source>Same requester</source>
      <translation>Mismo solicitante</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/duplicates.py" line="32" />
      <source>Within {0} m</source>
      <translation>A menos de {0} m</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/duplicates.py" line="53" />
      <source>&lt;b&gt;Is it already reported?&lt;/b&gt;</source>
      <translation>&lt;b&gt;¿Ya está informado?&lt;/b&gt;</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/duplicates.py" line="55" />
      <source>Already reported: summary</source>
      <translation>Ya informado: resumen</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/duplicates.py" line="57" />
      <source>Possible duplicates</source>
      <translation>Posibles duplicados</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/duplicates.py" line="59" />
      <source>Open tickets that may be the same problem. Enter or Ctrl+D adds this caller to one.</source>
      <translation>Tickets abiertos que pueden ser el mismo problema. Intro o Ctrl+D añade a esta persona a uno.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/duplicates.py" line="85" />
      <source>{0} open tickets may be the same problem.
Ctrl+D adds this caller to the highlighted.</source>
      <translation>{0} tickets abiertos pueden ser el mismo problema.
Ctrl+D añade a esta persona al resaltado.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/duplicates.py" line="88" />
      <source>1 open ticket may be the same problem.
Ctrl+D adds this caller to it.</source>
      <translation>1 ticket abierto puede ser el mismo problema.
Ctrl+D añade a esta persona a él.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/duplicates.py" line="92" />
      <source>No open ticket of this category near this place,
nor of this requester.</source>
      <translation>No hay tickets abiertos de esta categoría cerca de este lugar,
ni de este solicitante.</translation>
    </message>
  </context>
  <context>
    <name>EditDialog</name>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="305" />
      <source>Edit ticket</source>
      <translation>Editar ticket</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="305" />
      <source>Save</source>
      <translation>Guardar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="307" />
      <source>Title</source>
      <translation>Título</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="308" />
      <source>&amp;Title:</source>
      <translation>&amp;Título:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="309" />
      <source>Description</source>
      <translation>Descripción</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="311" />
      <source>&amp;Description:</source>
      <translation>&amp;Descripción:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="312" />
      <source>Location</source>
      <translation>Ubicación</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="313" />
      <source>&amp;Location:</source>
      <translation>&amp;Lugar:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="314" />
      <source>Category</source>
      <translation>Categoría</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="315" />
      <source>No category</source>
      <translation>Sin categoría</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="319" />
      <source>&amp;Category:</source>
      <translation>&amp;Categoría:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="359" />
      <source>Nothing has changed.</source>
      <translation>No ha cambiado nada.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="386" />
      <source>{0} updated</source>
      <translation>{0} actualizado</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="64" />
      <source>Ctrl+Enter</source>
      <translation>Ctrl+Intro</translation>
    </message>
  </context>
  <context>
    <name>Errors</name>
    <message>
      <location filename="../../src/citydesk/ui/error_words.py" line="17" />
      <source>{name} is required.</source>
      <translation>{name}: es obligatorio.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/error_words.py" line="18" />
      <source>{name} must be text.</source>
      <translation>{name}: debe ser texto.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/error_words.py" line="19" />
      <source>{name} is too long ({count} characters; at most {limit}).</source>
      <translation>{name}: es demasiado largo ({count} caracteres; como máximo {limit}).</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/error_words.py" line="20" />
      <source>{value} does not look like a phone number (7 to 15 digits).</source>
      <translation>{value} no parece un número de teléfono (de 7 a 15 dígitos).</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/error_words.py" line="21" />
      <source>{value} is not a valid e-mail address.</source>
      <translation>{value} no es una dirección de correo electrónico válida.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/error_words.py" line="22" />
      <source>Time spent must be a whole number of minutes.</source>
      <translation>El tiempo dedicado debe ser un número entero de minutos.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/error_words.py" line="23" />
      <source>Time spent must be between 1 and {limit} minutes.</source>
      <translation>El tiempo dedicado debe estar entre 1 y {limit} minutos.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/error_words.py" line="24" />
      <source>Escalation level must be 1 to {limit}.</source>
      <translation>El nivel de escalamiento debe ser de 1 a {limit}.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/error_words.py" line="25" />
      <source>Office code must be 2 to 5 letters, like CLK.</source>
      <translation>El código de oficina debe tener de 2 a 5 letras, como CLK.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/error_words.py" line="26" />
      <source>Choose an existing requester or enter a new one, not both.</source>
      <translation>Elija un solicitante existente o escriba uno nuevo, no las dos cosas.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/error_words.py" line="27" />
      <source>Choose the caller (or enter them as a new requester) first.</source>
      <translation>Primero elija a la persona (o regístrela como solicitante nuevo).</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/error_words.py" line="28" />
      <source>A requester is a citizen or a staff member.</source>
      <translation>Un solicitante es un ciudadano o un empleado.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/error_words.py" line="29" />
      <source>An anonymous requester cannot have a name, phone, e-mail or address.</source>
      <translation>Un solicitante anónimo no puede tener nombre, teléfono, correo electrónico ni domicilio.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/error_words.py" line="30" />
      <source>Give a name, phone or e-mail, or mark the requester anonymous.</source>
      <translation>Indique un nombre, teléfono o correo electrónico, o marque al solicitante como anónimo.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/error_words.py" line="31" />
      <source>A phone number is needed to reply by phone.</source>
      <translation>Hace falta un número de teléfono para responder por teléfono.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/error_words.py" line="32" />
      <source>An e-mail address is needed to reply by e-mail.</source>
      <translation>Hace falta una dirección de correo electrónico para responder por correo electrónico.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/error_words.py" line="33" />
      <source>A postal address is needed to reply by letter.</source>
      <translation>Hace falta un domicilio postal para responder por carta.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/error_words.py" line="34" />
      <source>Choose the staff member's department.</source>
      <translation>Elija el departamento del empleado.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/error_words.py" line="35" />
      <source>Choose two different requesters to merge.</source>
      <translation>Elija dos solicitantes distintos para fusionar.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/error_words.py" line="36" />
      <source>This requester was already merged into another.</source>
      <translation>Este solicitante ya se fusionó con otro.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/error_words.py" line="37" />
      <source>That requester was itself merged into another; choose that one.</source>
      <translation>Ese solicitante ya se fusionó con otro; elija ese otro.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/error_words.py" line="38" />
      <source>A ticket cannot be a duplicate of itself.</source>
      <translation>Un ticket no puede ser duplicado de sí mismo.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/error_words.py" line="39" />
      <source>Choose either a person or a department queue.</source>
      <translation>Elija una persona o una cola de departamento.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/error_words.py" line="40" />
      <source>Give the visit's date and time.</source>
      <translation>Indique la fecha y la hora de la visita.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/error_words.py" line="41" />
      <source>The visit's date is more than {count} days ago: check the date.</source>
      <translation>La fecha de la visita es de hace más de {count} días: revise la fecha.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/error_words.py" line="42" />
      <source>The visit's date is more than a year ahead: check the date (the year?).</source>
      <translation>La fecha de la visita es más de un año en el futuro: revise la fecha (¿el año?).</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/error_words.py" line="43" />
      <source>Only a resolved or closed ticket can be reopened.</source>
      <translation>Solo se puede reabrir un ticket resuelto o cerrado.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/error_words.py" line="44" />
      <source>Reopen the ticket before assigning it.</source>
      <translation>Reabra el ticket antes de asignarlo.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/error_words.py" line="45" />
      <source>Reopen the ticket before scheduling a visit.</source>
      <translation>Reabra el ticket antes de programar una visita.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/error_words.py" line="46" />
      <source>The target date cannot be in the past.</source>
      <translation>La fecha objetivo no puede estar en el pasado.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/error_words.py" line="47" />
      <source>The ticket is already assigned to that person.</source>
      <translation>El ticket ya está asignado a esa persona.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/error_words.py" line="48" />
      <source>This person is already a reporter of this ticket.</source>
      <translation>Esta persona ya es informante de este ticket.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/error_words.py" line="49" />
      <source>Use Resolve, which asks for a reason and a note to the requester.</source>
      <translation>Use Resolver, que pide un motivo y una nota para el solicitante.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/error_words.py" line="50" />
      <source>No ticket numbered {value}.</source>
      <translation>No hay ningún ticket con el número {value}.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/error_words.py" line="51" />
      <source>The ticket is already at escalation level {value}.</source>
      <translation>El ticket ya está en el nivel de escalamiento {value}.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/error_words.py" line="52" />
      <source>The password needs at least {count} characters.</source>
      <translation>La contraseña necesita al menos {count} caracteres.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/error_words.py" line="53" />
      <source>The user name {value} is taken.</source>
      <translation>El nombre de usuario {value} ya está en uso.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/error_words.py" line="54" />
      <source>Nobody is signed in.</source>
      <translation>Nadie ha iniciado sesión.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/error_words.py" line="55" />
      <source>That user cannot sign in here.</source>
      <translation>Ese usuario no puede iniciar sesión aquí.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/error_words.py" line="56" />
      <source>Reference data is edited on the server once this PC is enrolled ({server}): ask the city's administrator to change the {what} there.</source>
      <translation>Los datos de referencia se editan en el servidor una vez inscrito este equipo ({server}): pida al administrador de la ciudad que cambie allí: {what}.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/error_words.py" line="57" />
      <source>Something went wrong: {detail}. Nothing was saved; please try again.</source>
      <translation>Algo salió mal: {detail}. No se guardó nada; inténtelo de nuevo.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/error_words.py" line="59" />
      <source>This PC's clock is about 1 minute ahead of the server's. Ask IT to correct the PC's date and time; until then citydesk stamps changes with the server's time.</source>
      <translation>El reloj de este equipo va aproximadamente 1 minuto adelantado respecto al del servidor. Pida a Informática que corrija la fecha y la hora del equipo; mientras tanto, citydesk marca los cambios con la hora del servidor.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/error_words.py" line="60" />
      <source>This PC's clock is about 1 minute behind the server's. Ask IT to correct the PC's date and time; until then citydesk stamps changes with the server's time.</source>
      <translation>El reloj de este equipo va aproximadamente 1 minuto atrasado respecto al del servidor. Pida a Informática que corrija la fecha y la hora del equipo; mientras tanto, citydesk marca los cambios con la hora del servidor.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/error_words.py" line="61" />
      <source>This PC's clock is about {count} minutes ahead of the server's. Ask IT to correct the PC's date and time; until then citydesk stamps changes with the server's time.</source>
      <translation>El reloj de este equipo va aproximadamente {count} minutos adelantado respecto al del servidor. Pida a Informática que corrija la fecha y la hora del equipo; mientras tanto, citydesk marca los cambios con la hora del servidor.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/error_words.py" line="62" />
      <source>This PC's clock is about {count} minutes behind the server's. Ask IT to correct the PC's date and time; until then citydesk stamps changes with the server's time.</source>
      <translation>El reloj de este equipo va aproximadamente {count} minutos atrasado respecto al del servidor. Pida a Informática que corrija la fecha y la hora del equipo; mientras tanto, citydesk marca los cambios con la hora del servidor.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/error_words.py" line="63" />
      <source>{warning} This PC's changes were not applied at city hall: they were given corrected times and go with the next file. Write a new file and carry it again.</source>
      <translation>{warning} Los cambios de este equipo no se aplicaron en la alcaldía: se les corrigió la hora y van en el próximo archivo. Escriba un archivo nuevo y llévelo otra vez.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/error_words.py" line="67" />
      <source>Title</source>
      <translation>Título</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/error_words.py" line="68" />
      <source>Description</source>
      <translation>Descripción</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/error_words.py" line="69" />
      <source>Note</source>
      <translation>Nota</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/error_words.py" line="70" />
      <source>Name</source>
      <translation>Nombre</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/error_words.py" line="71" />
      <source>Location</source>
      <translation>Ubicación</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/error_words.py" line="72" />
      <source>Phone</source>
      <translation>Teléfono</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/error_words.py" line="73" />
      <source>Email</source>
      <translation>Correo electrónico</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/error_words.py" line="74" />
      <source>Address</source>
      <translation>Domicilio</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/error_words.py" line="75" />
      <source>Reason</source>
      <translation>Motivo</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/error_words.py" line="76" />
      <source>Summary</source>
      <translation>Resumen</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/error_words.py" line="77" />
      <source>Public note</source>
      <translation>Nota pública</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="28" />
      <source>New</source>
      <translation>Nuevo</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="29" />
      <source>Assigned</source>
      <translation>Asignado</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="30" />
      <source>In progress</source>
      <translation>En curso</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="31" />
      <source>Waiting for the requester</source>
      <translation>En espera del solicitante</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="32" />
      <source>Waiting for a vendor</source>
      <translation>En espera de un proveedor</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="33" />
      <source>Waiting for parts</source>
      <translation>En espera de piezas</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="34" />
      <source>Resolved</source>
      <translation>Resuelto</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="35" />
      <source>Closed</source>
      <translation>Cerrado</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="38" />
      <source>P1 Critical</source>
      <translation>P1 Crítica</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="39" />
      <source>P2 High</source>
      <translation>P2 Alta</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="40" />
      <source>P3 Normal</source>
      <translation>P3 Normal</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="41" />
      <source>Ops (planned work)</source>
      <translation>Ops (trabajo planificado)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="44" />
      <source>Service down or security breach: dispatch now, page the on-call person, around the clock.</source>
      <translation>Servicio caído o brecha de seguridad: enviar ya, avisar a la persona de guardia, a cualquier hora.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="47" />
      <source>Degraded or important: handle the same business day.</source>
      <translation>Degradado o importante: atender el mismo día hábil.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="48" />
      <source>Normal request: done within the category's target number of business days.</source>
      <translation>Solicitud normal: se resuelve dentro del plazo en días hábiles de la categoría.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="51" />
      <source>Planned operational work (patches, backup checks, upgrades), counted apart from requests.</source>
      <translation>Trabajo operativo planificado (parches, comprobación de copias de seguridad, actualizaciones), contado aparte de las solicitudes.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="57" />
      <source>Walk-in</source>
      <translation>Presencial</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="58" />
      <location filename="../../src/citydesk/ui/words.py" line="77" />
      <source>E-mail</source>
      <translation>Correo electrónico</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="59" />
      <source>Web</source>
      <translation>Web</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="60" />
      <source>Intranet</source>
      <translation>Intranet</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="61" />
      <source>Internal</source>
      <translation>Interno</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="62" />
      <source>After-hours dispatch</source>
      <translation>Despacho fuera de horario</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="67" />
      <source>W (Walk-in)</source>
      <translation>P (Presencial)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="68" />
      <source>P (Phone)</source>
      <translation>T (Teléfono)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="69" />
      <source>E (E-mail)</source>
      <translation>C (Correo electrónico)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="70" />
      <source>B (Web)</source>
      <translation>W (Web)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="71" />
      <source>T (Intranet)</source>
      <translation>N (iNtranet)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="72" />
      <source>I (Internal)</source>
      <translation>I (Interno)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="73" />
      <source>A (After-hours dispatch)</source>
      <translation>F (Fuera de horario)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="78" />
      <source>Letter</source>
      <translation>Carta</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="79" />
      <source>No reply wanted</source>
      <translation>No quiere respuesta</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="82" />
      <source>Done</source>
      <translation>Hecho</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="83" />
      <source>Duplicate of another request</source>
      <translation>Duplicado de otra solicitud</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="84" />
      <source>Referred to another agency</source>
      <translation>Remitido a otro organismo</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="85" />
      <source>Not a city matter</source>
      <translation>No es asunto de la ciudad</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="86" />
      <source>Could not locate</source>
      <translation>No se pudo localizar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="87" />
      <source>Void (entered by mistake)</source>
      <translation>Anulado (ingresado por error)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="90" />
      <source>Clerk</source>
      <translation>Empleado de mostrador</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="91" />
      <source>Technician</source>
      <translation>Técnico</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="92" />
      <source>Supervisor</source>
      <translation>Supervisor</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="93" />
      <source>Admin</source>
      <translation>Administrador</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="94" />
      <source>System</source>
      <translation>Sistema</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="97" />
      <source>Citizen</source>
      <translation>Ciudadano</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="98" />
      <source>City staff member</source>
      <translation>Empleado de la ciudad</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="101" />
      <source>English</source>
      <translation>Inglés</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="102" />
      <source>Spanish</source>
      <translation>Español</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="194" />
      <source>1 minute</source>
      <translation>1 minuto</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="194" />
      <source>{0} minutes</source>
      <translation>{0} minutos</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="193" />
      <source>1 hour</source>
      <translation>1 hora</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="193" />
      <source>{0} hours</source>
      <translation>{0} horas</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="191" />
      <source>{0} days</source>
      <translation>{0} días</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="178" />
      <source>Reported by 1 person</source>
      <translation>Informado por 1 persona</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="178" />
      <source>Reported by {0} people</source>
      <translation>Informado por {0} personas</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="167" />
      <source>en</source>
      <translation>es</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="183" />
      <source>1 person</source>
      <translation>1 persona</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="183" />
      <source>{0} people</source>
      <translation>{0} personas</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="191" />
      <source>1 day</source>
      <translation>1 día</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="200" />
      <source>just now</source>
      <translation>justo ahora</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="201" />
      <source>{0} ago</source>
      <translation>hace {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="206" />
      <location filename="../../src/citydesk/ui/words.py" line="237" />
      <source>ddd d MMM yyyy</source>
      <translation>ddd d 'de' MMM 'de' yyyy</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="211" />
      <source>d MMM yyyy</source>
      <translation>d MMM yyyy</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="216" />
      <source>ddd dd MMM</source>
      <translation>ddd dd MMM</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="221" />
      <source>dddd, MMMM d, yyyy</source>
      <translation>dddd, d 'de' MMMM 'de' yyyy</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="226" />
      <source>dddd, MMMM d</source>
      <translation>dddd, d 'de' MMMM</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="232" />
      <source>ddd d MMM yyyy, h:mm AP</source>
      <translation>ddd d 'de' MMM 'de' yyyy, H:mm</translation>
    </message>
  </context>
  <context>
    <name>EscalateDialog</name>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="26" />
      <source>Escalate</source>
      <translation>Escalar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="31" />
      <source>Escalation level</source>
      <translation>Nivel de escalamiento</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="32" />
      <source>Now: not escalated</source>
      <translation>Ahora: sin escalar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="32" />
      <source>Now: level {0}</source>
      <translation>Ahora: nivel {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="34" />
      <source>&amp;Level (1 to 3):</source>
      <translation>&amp;Nivel (1 a 3):</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="35" />
      <source>Reason</source>
      <translation>Motivo</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="35" />
      <source>Why it needs more attention</source>
      <translation>Por qué necesita más atención</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="36" />
      <source>&amp;Reason:</source>
      <translation>&amp;Motivo:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="49" />
      <source>{0} escalated to level {1}</source>
      <translation>{0} escalado al nivel {1}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="64" />
      <source>Ctrl+Enter</source>
      <translation>Ctrl+Intro</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="76" />
      <source>{0} updated</source>
      <translation>{0} actualizado</translation>
    </message>
  </context>
  <context>
    <name>ExportDialog</name>
    <message>
      <location filename="../../src/citydesk/ui/csvio/export_dialog.py" line="43" />
      <source>All tickets</source>
      <translation>Todos los tickets</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/export_dialog.py" line="44" />
      <source>Open only</source>
      <translation>Solo abiertos</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/export_dialog.py" line="45" />
      <source>Resolved and closed only</source>
      <translation>Solo resueltos y cerrados</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/export_dialog.py" line="59" />
      <source>Export tickets to a spreadsheet (CSV)</source>
      <translation>Exportar tickets a una hoja de cálculo (CSV)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/export_dialog.py" line="60" />
      <location filename="../../src/citydesk/ui/csvio/export_dialog.py" line="144" />
      <source>Export tickets</source>
      <translation>Exportar tickets</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/export_dialog.py" line="65" />
      <source>Tickets</source>
      <translation>Tickets</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/export_dialog.py" line="66" />
      <source>Which tickets to export</source>
      <translation>Qué tickets exportar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/export_dialog.py" line="69" />
      <source>&amp;Tickets:</source>
      <translation>&amp;Tickets:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/export_dialog.py" line="71" />
      <source>Department</source>
      <translation>Departamento</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/export_dialog.py" line="72" />
      <source>All departments</source>
      <translation>Todos los departamentos</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/export_dialog.py" line="73" />
      <source>&amp;Department:</source>
      <translation>&amp;Departamento:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/export_dialog.py" line="74" />
      <source>Only tickets &amp;created between</source>
      <translation>Solo tickets &amp;creados entre</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/export_dialog.py" line="77" />
      <source>Only tickets created between two days</source>
      <translation>Solo tickets creados entre dos fechas</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/export_dialog.py" line="82" />
      <source>First day</source>
      <translation>Primer día</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/export_dialog.py" line="82" />
      <source>Last day</source>
      <translation>Último día</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/export_dialog.py" line="87" />
      <source>and</source>
      <translation>y</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/export_dialog.py" line="91" />
      <source>&amp;Public records: redact confidential requesters, no internal notes</source>
      <translation>Registros &amp;públicos: ocultar solicitantes confidenciales, sin notas internas</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/export_dialog.py" line="93" />
      <source>Public-records export</source>
      <translation>Exportación para registros públicos</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/export_dialog.py" line="94" />
      <source>Include the tickets' &amp;notes</source>
      <translation>Incluir las &amp;notas de los tickets</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/export_dialog.py" line="95" />
      <source>Include notes</source>
      <translation>Incluir notas</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/export_dialog.py" line="100" />
      <source>UTF-8 CSV with one header row; dates are ISO 8601 in city time with the UTC offset.</source>
      <translation>CSV en UTF-8 con una fila de encabezados; las fechas van en ISO 8601, hora de la ciudad con la diferencia respecto a UTC.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/export_dialog.py" line="105" />
      <source>Export progress</source>
      <translation>Progreso de la exportación</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/export_dialog.py" line="116" />
      <source>&amp;Export…</source>
      <translation>&amp;Exportar…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/export_dialog.py" line="118" />
      <source>Export</source>
      <translation>Exportar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/export_dialog.py" line="120" />
      <location filename="../../src/citydesk/ui/csvio/export_dialog.py" line="121" />
      <source>Close</source>
      <translation>Cerrar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/export_dialog.py" line="144" />
      <source>CSV files (*.csv)</source>
      <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/export_dialog.py" line="175" />
      <source>Exporting to {0}…</source>
      <translation>Exportando a {0}…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/export_dialog.py" line="187" />
      <source>{0:,} tickets exported to {1}</source>
      <translation>{0:,} tickets exportados a {1}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/export_dialog.py" line="189" />
      <source> (public records: confidential requesters redacted, internal notes left out)</source>
      <translation> (registros públicos: solicitantes confidenciales ocultos, sin notas internas)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="28" />
      <source>New</source>
      <translation>Nuevo</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="29" />
      <source>Assigned</source>
      <translation>Asignado</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="30" />
      <source>In progress</source>
      <translation>En curso</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="31" />
      <source>Waiting for the requester</source>
      <translation>En espera del solicitante</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="32" />
      <source>Waiting for a vendor</source>
      <translation>En espera de un proveedor</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="33" />
      <source>Waiting for parts</source>
      <translation>En espera de piezas</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="34" />
      <source>Resolved</source>
      <translation>Resuelto</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="35" />
      <source>Closed</source>
      <translation>Cerrado</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="38" />
      <source>P1 Critical</source>
      <translation>P1 Crítica</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="39" />
      <source>P2 High</source>
      <translation>P2 Alta</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="40" />
      <source>P3 Normal</source>
      <translation>P3 Normal</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="41" />
      <source>Ops (planned work)</source>
      <translation>Ops (trabajo planificado)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="44" />
      <source>Service down or security breach: dispatch now, page the on-call person, around the clock.</source>
      <translation>Servicio caído o brecha de seguridad: enviar ya, avisar a la persona de guardia, a cualquier hora.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="47" />
      <source>Degraded or important: handle the same business day.</source>
      <translation>Degradado o importante: atender el mismo día hábil.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="48" />
      <source>Normal request: done within the category's target number of business days.</source>
      <translation>Solicitud normal: se resuelve dentro del plazo en días hábiles de la categoría.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="51" />
      <source>Planned operational work (patches, backup checks, upgrades), counted apart from requests.</source>
      <translation>Trabajo operativo planificado (parches, comprobación de copias de seguridad, actualizaciones), contado aparte de las solicitudes.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="56" />
      <location filename="../../src/citydesk/ui/words.py" line="76" />
      <source>Phone</source>
      <translation>Teléfono</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="57" />
      <source>Walk-in</source>
      <translation>Presencial</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="58" />
      <location filename="../../src/citydesk/ui/words.py" line="77" />
      <source>E-mail</source>
      <translation>Correo electrónico</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="59" />
      <source>Web</source>
      <translation>Web</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="60" />
      <source>Intranet</source>
      <translation>Intranet</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="61" />
      <source>Internal</source>
      <translation>Interno</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="62" />
      <source>After-hours dispatch</source>
      <translation>Despacho fuera de horario</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="67" />
      <source>W (Walk-in)</source>
      <translation>P (Presencial)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="68" />
      <source>P (Phone)</source>
      <translation>T (Teléfono)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="69" />
      <source>E (E-mail)</source>
      <translation>C (Correo electrónico)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="70" />
      <source>B (Web)</source>
      <translation>W (Web)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="71" />
      <source>T (Intranet)</source>
      <translation>N (iNtranet)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="72" />
      <source>I (Internal)</source>
      <translation>I (Interno)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="73" />
      <source>A (After-hours dispatch)</source>
      <translation>F (Fuera de horario)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="78" />
      <source>Letter</source>
      <translation>Carta</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="79" />
      <source>No reply wanted</source>
      <translation>No quiere respuesta</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="82" />
      <source>Done</source>
      <translation>Hecho</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="83" />
      <source>Duplicate of another request</source>
      <translation>Duplicado de otra solicitud</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="84" />
      <source>Referred to another agency</source>
      <translation>Remitido a otro organismo</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="85" />
      <source>Not a city matter</source>
      <translation>No es asunto de la ciudad</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="86" />
      <source>Could not locate</source>
      <translation>No se pudo localizar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="87" />
      <source>Void (entered by mistake)</source>
      <translation>Anulado (ingresado por error)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="90" />
      <source>Clerk</source>
      <translation>Empleado de mostrador</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="91" />
      <source>Technician</source>
      <translation>Técnico</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="92" />
      <source>Supervisor</source>
      <translation>Supervisor</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="93" />
      <source>Admin</source>
      <translation>Administrador</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="94" />
      <source>System</source>
      <translation>Sistema</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="97" />
      <source>Citizen</source>
      <translation>Ciudadano</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="98" />
      <source>City staff member</source>
      <translation>Empleado de la ciudad</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="101" />
      <source>English</source>
      <translation>Inglés</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="102" />
      <source>Spanish</source>
      <translation>Español</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="194" />
      <source>1 minute</source>
      <translation>1 minuto</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="194" />
      <source>{0} minutes</source>
      <translation>{0} minutos</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="193" />
      <source>1 hour</source>
      <translation>1 hora</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="193" />
      <source>{0} hours</source>
      <translation>{0} horas</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="191" />
      <source>{0} days</source>
      <translation>{0} días</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="178" />
      <source>Reported by 1 person</source>
      <translation>Informado por 1 persona</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="178" />
      <source>Reported by {0} people</source>
      <translation>Informado por {0} personas</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="167" />
      <source>en</source>
      <translation>es</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="183" />
      <source>1 person</source>
      <translation>1 persona</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="183" />
      <source>{0} people</source>
      <translation>{0} personas</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="191" />
      <source>1 day</source>
      <translation>1 día</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="200" />
      <source>just now</source>
      <translation>justo ahora</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="201" />
      <source>{0} ago</source>
      <translation>hace {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="206" />
      <location filename="../../src/citydesk/ui/words.py" line="237" />
      <source>ddd d MMM yyyy</source>
      <translation>ddd d 'de' MMM 'de' yyyy</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="211" />
      <source>d MMM yyyy</source>
      <translation>d MMM yyyy</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="216" />
      <source>ddd dd MMM</source>
      <translation>ddd dd MMM</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="221" />
      <source>dddd, MMMM d, yyyy</source>
      <translation>dddd, d 'de' MMMM 'de' yyyy</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="226" />
      <source>dddd, MMMM d</source>
      <translation>dddd, d 'de' MMMM</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="232" />
      <source>ddd d MMM yyyy, h:mm AP</source>
      <translation>ddd d 'de' MMM 'de' yyyy, H:mm</translation>
    </message>
  </context>
  <context>
    <name>FirstRunDialog</name>
    <message>
      <location filename="../../src/citydesk/ui/first_run.py" line="80" />
      <location filename="../../src/citydesk/ui/first_run.py" line="81" />
      <location filename="../../src/citydesk/ui/first_run.py" line="96" />
      <source>Welcome to citydesk</source>
      <translation>Bienvenido a citydesk</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/first_run.py" line="102" />
      <source>This database is empty. How would you like to start?</source>
      <translation>Esta base de datos está vacía. ¿Cómo desea empezar?</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/first_run.py" line="106" />
      <source>Try citydesk with demo data</source>
      <translation>Probar citydesk con datos de demostración</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/first_run.py" line="107" />
      <source>A made-up city with half a year of requests. Nothing you do there touches real data.</source>
      <translation>Una ciudad inventada con medio año de solicitudes. Nada de lo que haga allí toca datos reales.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/first_run.py" line="110" />
      <location filename="../../src/citydesk/ui/first_run.py" line="141" />
      <source>Set up this office</source>
      <translation>Configurar esta oficina</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/first_run.py" line="111" />
      <source>Name the city and this office, and create the first administrator.</source>
      <translation>Indique el nombre de la ciudad y de esta oficina, y cree el primer administrador.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/first_run.py" line="114" />
      <source>Connect to the city's server</source>
      <translation>Conectarse al servidor de la ciudad</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/first_run.py" line="115" />
      <source>This PC joins the city's other offices: everything is downloaded from the city's server with a one-time code from its administrator.</source>
      <translation>Este equipo se une a las demás oficinas de la ciudad: todo se descarga del servidor de la ciudad con un código de un solo uso de su administrador.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/first_run.py" line="131" />
      <location filename="../../src/citydesk/ui/first_run.py" line="132" />
      <source>Close</source>
      <translation>Cerrar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/first_run.py" line="148" />
      <source>City name</source>
      <translation>Nombre de la ciudad</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/first_run.py" line="148" />
      <source>City of Riverton</source>
      <translation>City of Riverton</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/first_run.py" line="149" />
      <source>Time zone</source>
      <translation>Zona horaria</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/first_run.py" line="155" />
      <source>An IANA name such as America/Chicago; type to search.</source>
      <translation>Un nombre IANA como America/Chicago; escriba para buscar.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/first_run.py" line="157" />
      <source>City phone for status questions</source>
      <translation>Teléfono de la ciudad para consultas de estado</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/first_run.py" line="159" />
      <source>Printed on every receipt: the number citizens call to ask about their request.</source>
      <translation>Se imprime en cada comprobante: el número al que llaman los ciudadanos para preguntar por su solicitud.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/first_run.py" line="161" />
      <source>Office code (2–5 letters)</source>
      <translation>Código de oficina (2 a 5 letras)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/first_run.py" line="163" />
      <source>Office name</source>
      <translation>Nombre de la oficina</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/first_run.py" line="163" />
      <source>City Hall</source>
      <translation>City Hall</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/first_run.py" line="164" />
      <source>Administrator's user name</source>
      <translation>Nombre de usuario del administrador</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/first_run.py" line="165" />
      <source>Administrator's full name</source>
      <translation>Nombre completo del administrador</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/first_run.py" line="166" />
      <source>Password (8 or more characters)</source>
      <translation>Contraseña (8 caracteres o más)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/first_run.py" line="167" />
      <source>The administrator's password</source>
      <translation>La contraseña del administrador</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/first_run.py" line="169" />
      <source>Password again</source>
      <translation>Repita la contraseña</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/first_run.py" line="172" />
      <source>&amp;City name:</source>
      <translation>&amp;Nombre de la ciudad:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/first_run.py" line="173" />
      <source>&amp;Time zone:</source>
      <translation>&amp;Zona horaria:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/first_run.py" line="174" />
      <source>City p&amp;hone for status questions:</source>
      <translation>&amp;Teléfono de la ciudad para consultas de estado:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/first_run.py" line="175" />
      <source>Office &amp;code (2–5 letters):</source>
      <translation>&amp;Código de oficina (2 a 5 letras):</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/first_run.py" line="176" />
      <source>Office &amp;name:</source>
      <translation>Nombre de la &amp;oficina:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/first_run.py" line="177" />
      <source>Administrator's &amp;user name:</source>
      <translation>Nombre de &amp;usuario del administrador:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/first_run.py" line="178" />
      <source>Administrator's &amp;full name:</source>
      <translation>Nombre co&amp;mpleto del administrador:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/first_run.py" line="179" />
      <source>&amp;Password (8 or more characters):</source>
      <translation>Con&amp;traseña (8 caracteres o más):</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/first_run.py" line="180" />
      <source>Password &amp;again:</source>
      <translation>&amp;Repita la contraseña:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/first_run.py" line="187" />
      <location filename="../../src/citydesk/ui/first_run.py" line="188" />
      <source>Back</source>
      <translation>Atrás</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/first_run.py" line="192" />
      <location filename="../../src/citydesk/ui/first_run.py" line="193" />
      <source>Set up</source>
      <translation>Configurar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/first_run.py" line="202" />
      <source>Creating the demo city…</source>
      <translation>Creando la ciudad de demostración…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/first_run.py" line="206" />
      <source>Progress creating the demo data</source>
      <translation>Progreso de la creación de los datos de demostración</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/first_run.py" line="209" />
      <source>This takes a little while; the app opens when it is ready.</source>
      <translation>Esto tarda un poco; la aplicación se abre cuando esté lista.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/first_run.py" line="229" />
      <source>The two passwords are not the same.</source>
      <translation>Las dos contraseñas no coinciden.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/first_run.py" line="232" />
      <source>The receipts tell citizens which number to call: give the city's phone.</source>
      <translation>Los comprobantes indican a los ciudadanos a qué número llamar: escriba el teléfono de la ciudad.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/first_run.py" line="246" />
      <source>Name is required.</source>
      <translation>El nombre es obligatorio.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/first_run.py" line="318" />
      <source>Creating the demo city… {0} of {1} requests</source>
      <translation>Creando la ciudad de demostración… {0} de {1} solicitudes</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/first_run.py" line="329" />
      <source>The demo could not be created: {0}</source>
      <translation>No se pudo crear la demostración: {0}</translation>
    </message>
  </context>
  <context>
    <name>FirstScreen</name>
    <message>
      <location filename="../../src/citydesk/ui/first_screen.py" line="99" />
      <source>New request (Ctrl+N)</source>
      <translation>Nueva solicitud (Ctrl+N)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/first_screen.py" line="100" />
      <source>New request</source>
      <translation>Nueva solicitud</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/first_screen.py" line="104" />
      <source>Today at this desk</source>
      <translation>Hoy en este mostrador</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/first_screen.py" line="110" />
      <source>1 status inquiry</source>
      <translation>1 consulta de estado</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/first_screen.py" line="111" />
      <source>{0} status inquiries</source>
      <translation>{0} consultas de estado</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/first_screen.py" line="112" />
      <source>1 question answered</source>
      <translation>1 pregunta respondida</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/first_screen.py" line="113" />
      <source>{0} questions answered</source>
      <translation>{0} preguntas respondidas</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/first_screen.py" line="114" />
      <source>Today at this desk: {0}, {1}</source>
      <translation>Hoy en este mostrador: {0}, {1}</translation>
    </message>
  </context>
  <context>
    <name>Forms</name>
    <message>
      <location filename="../../src/citydesk/ui/forms.py" line="273" />
      <location filename="../../src/citydesk/ui/forms.py" line="274" />
      <source>Cancel</source>
      <translation>Cancelar</translation>
    </message>
  </context>
  <context>
    <name>ImportDialog</name>
    <message>
      <location filename="../../src/citydesk/ui/csvio/import_dialog.py" line="84" />
      <source>Import tickets from a spreadsheet (CSV)</source>
      <translation>Importar tickets de una hoja de cálculo (CSV)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/import_dialog.py" line="85" />
      <location filename="../../src/citydesk/ui/csvio/import_dialog.py" line="176" />
      <source>Import tickets</source>
      <translation>Importar tickets</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/import_dialog.py" line="92" />
      <source>No file chosen</source>
      <translation>Ningún archivo elegido</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/import_dialog.py" line="93" />
      <source>File (the CSV file to import)</source>
      <translation>Archivo (el archivo CSV que se importa)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/import_dialog.py" line="94" />
      <source>&amp;Choose file…</source>
      <translation>&amp;Elegir archivo…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/import_dialog.py" line="95" />
      <source>Choose file</source>
      <translation>Elegir archivo</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/import_dialog.py" line="96" />
      <source>Ctrl+O</source>
      <translation>Ctrl+O</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/import_dialog.py" line="99" />
      <source>&amp;File:</source>
      <translation>&amp;Archivo:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/import_dialog.py" line="113" />
      <source>Column in the file</source>
      <translation>Columna del archivo</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/import_dialog.py" line="113" />
      <source>First value</source>
      <translation>Primer valor</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/import_dialog.py" line="113" />
      <source>Import as</source>
      <translation>Importar como</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/import_dialog.py" line="115" />
      <source>Column mapping</source>
      <translation>Correspondencia de columnas</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/import_dialog.py" line="122" />
      <source>Preview of the rows</source>
      <translation>Vista previa de las filas</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/import_dialog.py" line="128" />
      <source>Problems found</source>
      <translation>Problemas encontrados</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/import_dialog.py" line="132" />
      <source>Status words citydesk does not know</source>
      <translation>Palabras de estado que citydesk no conoce</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/import_dialog.py" line="138" />
      <source>Choose a CSV file to import.</source>
      <translation>Elija un archivo CSV para importar.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/import_dialog.py" line="141" />
      <source>&amp;Save the problem list…</source>
      <translation>&amp;Guardar la lista de problemas…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/import_dialog.py" line="142" />
      <location filename="../../src/citydesk/ui/csvio/import_dialog.py" line="366" />
      <source>Save the problem list</source>
      <translation>Guardar la lista de problemas</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/import_dialog.py" line="143" />
      <source>Every problem (row, column, message) as a CSV file</source>
      <translation>Cada problema (fila, columna, mensaje) en un archivo CSV</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/import_dialog.py" line="152" />
      <source>Import progress</source>
      <translation>Progreso de la importación</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/import_dialog.py" line="157" />
      <source>&amp;Import</source>
      <translation>&amp;Importar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/import_dialog.py" line="159" />
      <source>Import</source>
      <translation>Importar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/import_dialog.py" line="162" />
      <location filename="../../src/citydesk/ui/csvio/import_dialog.py" line="163" />
      <source>Close</source>
      <translation>Cerrar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/import_dialog.py" line="176" />
      <source>CSV files (*.csv *.txt);;All files (*)</source>
      <translation>Archivos CSV (*.csv *.txt);;Todos los archivos (*)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/import_dialog.py" line="186" />
      <source>Reading {0}…</source>
      <translation>Leyendo {0}…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/import_dialog.py" line="201" />
      <source>Import “{0}” as</source>
      <translation>Importar «{0}» como</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/import_dialog.py" line="202" />
      <source>(not imported)</source>
      <translation>(no se importa)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/import_dialog.py" line="263" />
      <source>Status “{0}” means</source>
      <translation>El estado «{0}» significa</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/import_dialog.py" line="264" />
      <source>(choose a status)</source>
      <translation>(elija un estado)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/import_dialog.py" line="268" />
      <source>“{0}” means:</source>
      <translation>«{0}» significa:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/import_dialog.py" line="296" />
      <source>Checking {0:,} rows…</source>
      <translation>Comprobando {0:,} filas…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/import_dialog.py" line="318" />
      <source>Row</source>
      <translation>Fila</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/import_dialog.py" line="318" />
      <source>Problems</source>
      <translation>Problemas</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/import_dialog.py" line="324" />
      <source>OK</source>
      <translation>Correcto</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/import_dialog.py" line="340" />
      <source>{0:,} rows; {1:,} problem(s). Fix the mapping or the file: nothing is imported while there are problems.</source>
      <translation>{0:,} filas; {1:,} problema(s). Corrija la correspondencia o el archivo: no se importa nada mientras haya problemas.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/import_dialog.py" line="343" />
      <source>All {0:,} rows are ready to import.</source>
      <translation>Las {0:,} filas están listas para importar.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/import_dialog.py" line="345" />
      <source>{0:,} row(s) identical to an earlier row are skipped.</source>
      <translation>Se omiten {0:,} fila(s) idénticas a una fila anterior.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/import_dialog.py" line="349" />
      <source>{0:,} resolved row(s) without a date are imported as resolved (date unknown).</source>
      <translation>{0:,} fila(s) resueltas sin fecha se importan como resueltas (fecha desconocida).</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/import_dialog.py" line="366" />
      <source>CSV files (*.csv)</source>
      <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/import_dialog.py" line="379" />
      <source>{0:,} problem(s) saved to {1}.</source>
      <translation>{0:,} problema(s) guardados en {1}.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/import_dialog.py" line="398" />
      <source>Importing {0:,} tickets…</source>
      <translation>Importando {0:,} tickets…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/import_dialog.py" line="418" />
      <source>Imported {0:,} tickets ({1} to {2}).</source>
      <translation>Se importaron {0:,} tickets ({1} a {2}).</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/import_dialog.py" line="422" />
      <source>{0:,} of them resolved on an unknown date.</source>
      <translation>{0:,} de ellos resueltos en fecha desconocida.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/import_dialog.py" line="424" />
      <source>{0:,} repeated row(s) skipped.</source>
      <translation>Se omitieron {0:,} fila(s) repetidas.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/import_dialog.py" line="436" />
      <source>Nothing was imported.</source>
      <translation>No se importó nada.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/labels.py" line="14" />
      <source>the row's id in the source system (a duplicate id is refused)</source>
      <translation>el id de la fila en el sistema de origen (se rechaza un id duplicado)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/labels.py" line="17" />
      <source>short title (required)</source>
      <translation>título corto (obligatorio)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/labels.py" line="18" />
      <source>what was asked</source>
      <translation>lo que se solicitó</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/labels.py" line="19" />
      <source>new, assigned, in progress, waiting, resolved, closed (or Open, Completed, ...)</source>
      <translation>nuevo, asignado, en curso, en espera, resuelto o cerrado: «new», «assigned», «in progress», «waiting», «resolved», «closed» (o «Open», «Completed»…)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/labels.py" line="22" />
      <source>P1, P2, P3, Ops (or critical, high, normal, low)</source>
      <translation>P1, P2, P3, Ops (o «critical», «high», «normal», «low»)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/labels.py" line="23" />
      <source>phone, walk-in, e-mail, web, intranet, internal, after-hours (or call, online, app)</source>
      <translation>teléfono, presencial, correo, web, intranet, interno, fuera de horario: «phone», «walk-in», «e-mail», «web», «intranet», «internal», «after-hours» (o «call», «online», «app»)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/labels.py" line="26" />
      <source>category name (must exist in citydesk; case and accents ignored)</source>
      <translation>nombre de la categoría (debe existir en citydesk; no importan mayúsculas ni acentos)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/labels.py" line="29" />
      <source>department name or code (default: the category's department)</source>
      <translation>nombre o código del departamento (por defecto: el departamento de la categoría)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/labels.py" line="32" />
      <source>address or place text</source>
      <translation>dirección o descripción del lugar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/labels.py" line="33" />
      <source>latitude in degrees</source>
      <translation>latitud en grados</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/labels.py" line="34" />
      <source>longitude in degrees</source>
      <translation>longitud en grados</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/labels.py" line="35" />
      <source>ward or district</source>
      <translation>distrito o sector</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/labels.py" line="36" />
      <source>when it was reported (required)</source>
      <translation>cuándo se informó (obligatorio)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/labels.py" line="37" />
      <source>when it was resolved</source>
      <translation>cuándo se resolvió</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/labels.py" line="38" />
      <source>when it was closed (also the resolution time when there is no resolved date)</source>
      <translation>cuándo se cerró (también la fecha de resolución si no hay fecha de resolución)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/labels.py" line="41" />
      <source>done, duplicate, referred, not a city matter, could not locate, void</source>
      <translation>hecho, duplicado, remitido, no es asunto de la ciudad, no se pudo localizar, anulado: «done», «duplicate», «referred», «not a city matter», «could not locate», «void»</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/labels.py" line="44" />
      <source>the public resolution note</source>
      <translation>la nota pública de resolución</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/labels.py" line="45" />
      <source>the requester's name</source>
      <translation>el nombre del solicitante</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/labels.py" line="46" />
      <source>the requester's phone</source>
      <translation>el teléfono del solicitante</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/labels.py" line="47" />
      <source>the requester's e-mail</source>
      <translation>el correo electrónico del solicitante</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/labels.py" line="48" />
      <source>the requester's postal address</source>
      <translation>el domicilio postal del solicitante</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/labels.py" line="49" />
      <source>yes/no: withhold the requester from public-records exports</source>
      <translation>«yes»/«no» (sí/no): ocultar al solicitante en las exportaciones para registros públicos</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/csvio/labels.py" line="52" />
      <source>leave the column out</source>
      <translation>omitir la columna</translation>
    </message>
  </context>
  <context>
    <name>IntervalDialog</name>
    <message>
      <location filename="../../src/citydesk/ui/sync/actions.py" line="138" />
      <source>Background sync</source>
      <translation>Sincronización en segundo plano</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/actions.py" line="143" />
      <source>citydesk sends this PC's changes and receives other offices' in the background. When the server cannot be reached it tries again less often, and soon after the network returns.</source>
      <translation>citydesk envía los cambios de este equipo y recibe los de las demás oficinas en segundo plano. Cuando no se puede llegar al servidor, lo intenta con menos frecuencia, y de nuevo poco después de que vuelva la red.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/actions.py" line="149" />
      <source> minutes</source>
      <translation> minutos</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/actions.py" line="151" />
      <source>Sync &amp;every:</source>
      <translation>Sincronizar &amp;cada:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/actions.py" line="154" />
      <source>&amp;Save</source>
      <translation>&amp;Guardar</translation>
    </message>
  </context>
  <context>
    <name>LayoutMixin</name>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="45" />
      <source>Channel</source>
      <translation>Canal</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="48" />
      <source>Requester</source>
      <translation>Solicitante</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="49" />
      <source>Name, phone or e-mail</source>
      <translation>Nombre, teléfono o correo electrónico</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="53" />
      <source>Requester details</source>
      <translation>Datos del solicitante</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="54" />
      <source>New requester, not on file yet (Alt+W)</source>
      <translation>Solicitante nuevo, aún no registrado (Alt+W)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="55" />
      <source>New requester</source>
      <translation>Solicitante nuevo</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="60" />
      <source>Location</source>
      <translation>Lugar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="61" />
      <source>Address, place or landmark (City Park)</source>
      <translation>Dirección, lugar o punto de referencia (City Park)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="67" />
      <source>Location check</source>
      <translation>Comprobación del lugar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="70" />
      <source>Category</source>
      <translation>Categoría</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="71" />
      <source>What is it about? (light, pothole, password…)</source>
      <translation>¿De qué se trata? (farola, bache, contraseña…)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="75" />
      <source>Category details</source>
      <translation>Detalles de la categoría</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="76" />
      <source>Priority</source>
      <translation>Prioridad</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="80" />
      <source>Priority meaning</source>
      <translation>Significado de la prioridad</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="81" />
      <source>Handled by department</source>
      <translation>Departamento a cargo</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="83" />
      <source>Target date</source>
      <translation>Fecha objetivo</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="87" />
      <source>Expected completion</source>
      <translation>Finalización prevista</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="89" />
      <source>Title</source>
      <translation>Título</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="89" />
      <source>Filled in from the category and place</source>
      <translation>Se completa con la categoría y el lugar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="92" />
      <source>Description</source>
      <translation>Descripción</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="92" />
      <source>What the caller says</source>
      <translation>Lo que dice la persona</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="96" />
      <source>C&amp;hannel:</source>
      <translation>Canal de entr&amp;ada:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="97" />
      <source>&amp;Requester:</source>
      <translation>&amp;Solicitante:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="101" />
      <source>&amp;Location:</source>
      <translation>&amp;Lugar:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="103" />
      <source>&amp;Category:</source>
      <translation>&amp;Categoría:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="105" />
      <source>Priorit&amp;y:</source>
      <translation>&amp;Prioridad:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="107" />
      <source>Handled by:</source>
      <translation>A cargo de:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="108" />
      <source>Target date:</source>
      <translation>Fecha objetivo:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="110" />
      <source>&amp;Title:</source>
      <translation>&amp;Título:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="111" />
      <source>Descr&amp;iption:</source>
      <translation>Descr&amp;ipción:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="127" />
      <source>&lt;b&gt;What to tell the caller&lt;/b&gt;</source>
      <translation>&lt;b&gt;Qué decirle a la persona&lt;/b&gt;</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="128" />
      <source>What to tell the caller</source>
      <translation>Qué decirle a la persona</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="130" />
      <source>&lt;b&gt;Questions to ask&lt;/b&gt;</source>
      <translation>&lt;b&gt;Preguntas que hacer&lt;/b&gt;</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="145" />
      <source>Result</source>
      <translation>Resultado</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="147" />
      <source>&amp;Save request</source>
      <translation>&amp;Guardar solicitud</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="147" />
      <source>Ctrl+Enter</source>
      <translation>Ctrl+Intro</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="149" />
      <source>A&amp;dd caller to that ticket</source>
      <translation>A&amp;ñadir a la persona a ese ticket</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="149" />
      <source>Ctrl+D</source>
      <translation>Ctrl+D</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="151" />
      <source>Print receipt…</source>
      <translation>Imprimir comprobante…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="151" />
      <source>Ctrl+P</source>
      <translation>Ctrl+P</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="152" />
      <source>Print receipt</source>
      <translation>Imprimir comprobante</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="155" />
      <source>Next request</source>
      <translation>Siguiente solicitud</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="155" />
      <source>Ctrl+N or Alt+N</source>
      <translation>Ctrl+N o Alt+N</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="157" />
      <source>Close</source>
      <translation>Cerrar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="157" />
      <source>Esc</source>
      <translation>Esc</translation>
    </message>
  </context>
  <context>
    <name>LogCallDialog</name>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="144" />
      <source>Log a call</source>
      <translation>Registrar una llamada</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="144" />
      <source>Log call</source>
      <translation>Registrar llamada</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="145" />
      <source>Caller</source>
      <translation>Quien llama</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="146" />
      <source>Not recorded</source>
      <translation>No registrado</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="152" />
      <source>&amp;Caller:</source>
      <translation>&amp;Quien llama:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="153" />
      <source>What was said</source>
      <translation>Lo que se dijo</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="154" />
      <source>&amp;What was said:</source>
      <translation>Lo &amp;que se dijo:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="155" />
      <source>&amp;Public: the requester may be told this</source>
      <translation>&amp;Pública: se le puede decir al solicitante</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="156" />
      <source>Public: the requester may be told this</source>
      <translation>Pública: se le puede decir al solicitante</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="172" />
      <source>Call logged on {0}</source>
      <translation>Llamada registrada en {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="64" />
      <source>Ctrl+Enter</source>
      <translation>Ctrl+Intro</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="76" />
      <source>{0} updated</source>
      <translation>{0} actualizado</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../src/citydesk/ui/queue_list.py" line="19" />
      <source>My tickets</source>
      <translation>Mis tickets</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/queue_list.py" line="20" />
      <source>Unassigned</source>
      <translation>Sin asignar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/queue_list.py" line="21" />
      <source>P1 open</source>
      <translation>P1 abiertos</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/queue_list.py" line="22" />
      <source>Overdue</source>
      <translation>Vencidos</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/queue_list.py" line="23" />
      <source>Waiting</source>
      <translation>En espera</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/queue_list.py" line="24" />
      <source>Today's visits</source>
      <translation>Visitas de hoy</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/queue_list.py" line="25" />
      <source>Resolved this week</source>
      <translation>Resueltos esta semana</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/queue_list.py" line="26" />
      <source>All</source>
      <translation>Todos</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/queue_list.py" line="27" />
      <source>Logged here today</source>
      <translation>Registrados aquí hoy</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/shell.py" line="72" />
      <source>citydesk</source>
      <translation>citydesk</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/shell.py" line="91" />
      <source>Working…</source>
      <translation>Trabajando…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/shell.py" line="108" />
      <source>Search tickets: number, words, name, phone (Ctrl+F)</source>
      <translation>Buscar tickets: número, palabras, nombre, teléfono (Ctrl+F)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/shell.py" line="109" />
      <source>Search tickets</source>
      <translation>Buscar tickets</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/shell.py" line="114" />
      <source>Tickets</source>
      <translation>Tickets</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/shell.py" line="138" />
      <source>Notification</source>
      <translation>Notificación</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/shell.py" line="167" />
      <source>Pending local changes</source>
      <translation>Cambios locales pendientes</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/shell.py" line="168" />
      <source>Signed-in user</source>
      <translation>Usuario conectado</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/shell.py" line="169" />
      <source>Office</source>
      <translation>Oficina</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/shell.py" line="170" />
      <source>Background work</source>
      <translation>Trabajo en segundo plano</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/shell.py" line="222" />
      <source>{0} local changes not yet synced</source>
      <translation>{0} cambios locales aún sin sincronizar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/shell.py" line="342" />
      <source>Nobody signed in</source>
      <translation>Nadie ha iniciado sesión</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/shell.py" line="344" />
      <location filename="../../src/citydesk/ui/shell.py" line="345" />
      <source>{0} ({1})</source>
      <translation>{0} ({1})</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/shell.py" line="346" />
      <source>{0} · demo</source>
      <translation>{0} · demostración</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/shell.py" line="348" />
      <source>citydesk — {0}</source>
      <translation>citydesk — {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/shell.py" line="365" />
      <source>The city's phone number is not set</source>
      <translation>No está configurado el teléfono de la ciudad</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/shell.py" line="366" />
      <source>Receipts cannot tell citizens which number to call about their requests. Set it in Counter → Receipt texts…</source>
      <translation>Los comprobantes no pueden indicar a los ciudadanos a qué número llamar por sus solicitudes. Configúrelo en Mostrador → Textos del comprobante…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/shell.py" line="422" />
      <source>citydesk {0} — the city's service desk.</source>
      <translation>citydesk {0}: la mesa de servicio de la ciudad.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/shell.py" line="423" />
      <source>About citydesk</source>
      <translation>Acerca de citydesk</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/menus.py" line="34" />
      <source>&amp;File</source>
      <translation>&amp;Archivo</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/menus.py" line="35" />
      <source>&amp;New request…</source>
      <translation>&amp;Nueva solicitud…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/menus.py" line="36" />
      <source>Import &amp;addresses…</source>
      <translation>Importar &amp;direcciones…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/menus.py" line="45" />
      <source>Sync by &amp;file…</source>
      <translation>Sincronizar por &amp;archivo…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/menus.py" line="48" />
      <source>Switch &amp;user…</source>
      <translation>Cambiar de &amp;usuario…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/menus.py" line="50" />
      <source>&amp;Quit</source>
      <translation>&amp;Salir</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/menus.py" line="51" />
      <source>&amp;View</source>
      <translation>&amp;Ver</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/menus.py" line="52" />
      <source>&amp;Find tickets</source>
      <translation>&amp;Buscar tickets</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/menus.py" line="55" />
      <source>&amp;Refresh</source>
      <translation>&amp;Actualizar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/menus.py" line="56" />
      <source>Re&amp;questers…</source>
      <translation>&amp;Solicitantes…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/menus.py" line="57" />
      <source>&amp;Conflicts…</source>
      <translation>&amp;Conflictos…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/menus.py" line="59" />
      <source>Clear search</source>
      <translation>Borrar la búsqueda</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/menus.py" line="64" />
      <source>&amp;Sort by</source>
      <translation>&amp;Ordenar por</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/menus.py" line="68" />
      <source>&amp;Ticket</source>
      <translation>&amp;Ticket</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/menus.py" line="75" />
      <source>&amp;Counter</source>
      <translation>&amp;Mostrador</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/menus.py" line="79" />
      <source>&amp;Settings</source>
      <translation>C&amp;onfiguración</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/menus.py" line="80" />
      <source>City calen&amp;dar…</source>
      <translation>Calen&amp;dario de la ciudad…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/menus.py" line="88" />
      <source>&amp;Help</source>
      <translation>A&amp;yuda</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/menus.py" line="89" />
      <source>&amp;About citydesk</source>
      <translation>&amp;Acerca de citydesk</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/menus.py" line="108" />
      <source>Re&amp;verse order</source>
      <translation>Orden in&amp;verso</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/queue_list.py" line="41" />
      <source>Queues</source>
      <translation>Colas</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/queue_list.py" line="42" />
      <source>Choose which tickets the table lists</source>
      <translation>Elija qué tickets muestra la tabla</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/actions.py" line="35" />
      <source>Sync &amp;now</source>
      <translation>Sincronizar a&amp;hora</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/actions.py" line="39" />
      <location filename="../../src/citydesk/ui/sync/actions.py" line="41" />
      <source>&amp;Connect to server…</source>
      <translation>&amp;Conectarse al servidor…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/actions.py" line="43" />
      <source>&amp;Background sync…</source>
      <translation>Sincronización en &amp;segundo plano…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/actions.py" line="45" />
      <source>Save &amp;unsent changes…</source>
      <translation>Guardar los cambios no &amp;enviados…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/actions.py" line="72" />
      <source>Only an administrator can connect this office.</source>
      <translation>Solo un administrador puede conectar esta oficina.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/actions.py" line="80" />
      <source>Save unsent changes</source>
      <translation>Guardar los cambios no enviados</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/actions.py" line="80" />
      <source>Changes (*.json)</source>
      <translation>Cambios (*.json)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/actions.py" line="90" />
      <source>{0} changes not yet sent were saved to {1}.</source>
      <translation>Se guardaron {0} cambios aún no enviados en {1}.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/actions.py" line="91" />
      <source>Unsent changes saved</source>
      <translation>Cambios no enviados guardados</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/actions.py" line="113" />
      <source>Connected</source>
      <translation>Conectado</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="28" />
      <source>New</source>
      <translation>Nuevo</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="29" />
      <source>Assigned</source>
      <translation>Asignado</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="30" />
      <source>In progress</source>
      <translation>En curso</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="31" />
      <source>Waiting for the requester</source>
      <translation>En espera del solicitante</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="32" />
      <source>Waiting for a vendor</source>
      <translation>En espera de un proveedor</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="33" />
      <source>Waiting for parts</source>
      <translation>En espera de piezas</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="34" />
      <source>Resolved</source>
      <translation>Resuelto</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="35" />
      <source>Closed</source>
      <translation>Cerrado</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="38" />
      <source>P1 Critical</source>
      <translation>P1 Crítica</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="39" />
      <source>P2 High</source>
      <translation>P2 Alta</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="40" />
      <source>P3 Normal</source>
      <translation>P3 Normal</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="41" />
      <source>Ops (planned work)</source>
      <translation>Ops (trabajo planificado)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="44" />
      <source>Service down or security breach: dispatch now, page the on-call person, around the clock.</source>
      <translation>Servicio caído o brecha de seguridad: enviar ya, avisar a la persona de guardia, a cualquier hora.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="47" />
      <source>Degraded or important: handle the same business day.</source>
      <translation>Degradado o importante: atender el mismo día hábil.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="48" />
      <source>Normal request: done within the category's target number of business days.</source>
      <translation>Solicitud normal: se resuelve dentro del plazo en días hábiles de la categoría.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="51" />
      <source>Planned operational work (patches, backup checks, upgrades), counted apart from requests.</source>
      <translation>Trabajo operativo planificado (parches, comprobación de copias de seguridad, actualizaciones), contado aparte de las solicitudes.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="56" />
      <location filename="../../src/citydesk/ui/words.py" line="76" />
      <source>Phone</source>
      <translation>Teléfono</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="57" />
      <source>Walk-in</source>
      <translation>Presencial</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="58" />
      <location filename="../../src/citydesk/ui/words.py" line="77" />
      <source>E-mail</source>
      <translation>Correo electrónico</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="59" />
      <source>Web</source>
      <translation>Web</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="60" />
      <source>Intranet</source>
      <translation>Intranet</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="61" />
      <source>Internal</source>
      <translation>Interno</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="62" />
      <source>After-hours dispatch</source>
      <translation>Despacho fuera de horario</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="67" />
      <source>W (Walk-in)</source>
      <translation>P (Presencial)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="68" />
      <source>P (Phone)</source>
      <translation>T (Teléfono)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="69" />
      <source>E (E-mail)</source>
      <translation>C (Correo electrónico)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="70" />
      <source>B (Web)</source>
      <translation>W (Web)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="71" />
      <source>T (Intranet)</source>
      <translation>N (iNtranet)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="72" />
      <source>I (Internal)</source>
      <translation>I (Interno)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="73" />
      <source>A (After-hours dispatch)</source>
      <translation>F (Fuera de horario)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="78" />
      <source>Letter</source>
      <translation>Carta</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="79" />
      <source>No reply wanted</source>
      <translation>No quiere respuesta</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="82" />
      <source>Done</source>
      <translation>Hecho</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="83" />
      <source>Duplicate of another request</source>
      <translation>Duplicado de otra solicitud</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="84" />
      <source>Referred to another agency</source>
      <translation>Remitido a otro organismo</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="85" />
      <source>Not a city matter</source>
      <translation>No es asunto de la ciudad</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="86" />
      <source>Could not locate</source>
      <translation>No se pudo localizar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="87" />
      <source>Void (entered by mistake)</source>
      <translation>Anulado (ingresado por error)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="90" />
      <source>Clerk</source>
      <translation>Empleado de mostrador</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="91" />
      <source>Technician</source>
      <translation>Técnico</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="92" />
      <source>Supervisor</source>
      <translation>Supervisor</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="93" />
      <source>Admin</source>
      <translation>Administrador</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="94" />
      <source>System</source>
      <translation>Sistema</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="97" />
      <source>Citizen</source>
      <translation>Ciudadano</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="98" />
      <source>City staff member</source>
      <translation>Empleado de la ciudad</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="101" />
      <source>English</source>
      <translation>Inglés</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="102" />
      <source>Spanish</source>
      <translation>Español</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="194" />
      <source>1 minute</source>
      <translation>1 minuto</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="194" />
      <source>{0} minutes</source>
      <translation>{0} minutos</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="193" />
      <source>1 hour</source>
      <translation>1 hora</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="193" />
      <source>{0} hours</source>
      <translation>{0} horas</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="191" />
      <source>{0} days</source>
      <translation>{0} días</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="178" />
      <source>Reported by 1 person</source>
      <translation>Informado por 1 persona</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="178" />
      <source>Reported by {0} people</source>
      <translation>Informado por {0} personas</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="167" />
      <source>en</source>
      <translation>es</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="183" />
      <source>1 person</source>
      <translation>1 persona</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="183" />
      <source>{0} people</source>
      <translation>{0} personas</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="191" />
      <source>1 day</source>
      <translation>1 día</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="200" />
      <source>just now</source>
      <translation>justo ahora</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="201" />
      <source>{0} ago</source>
      <translation>hace {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="206" />
      <location filename="../../src/citydesk/ui/words.py" line="237" />
      <source>ddd d MMM yyyy</source>
      <translation>ddd d 'de' MMM 'de' yyyy</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="211" />
      <source>d MMM yyyy</source>
      <translation>d MMM yyyy</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="216" />
      <source>ddd dd MMM</source>
      <translation>ddd dd MMM</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="221" />
      <source>dddd, MMMM d, yyyy</source>
      <translation>dddd, d 'de' MMMM 'de' yyyy</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="226" />
      <source>dddd, MMMM d</source>
      <translation>dddd, d 'de' MMMM</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="232" />
      <source>ddd d MMM yyyy, h:mm AP</source>
      <translation>ddd d 'de' MMM 'de' yyyy, H:mm</translation>
    </message>
  </context>
  <context>
    <name>NewRequestDialog</name>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake.py" line="95" />
      <location filename="../../src/citydesk/ui/counter/intake.py" line="96" />
      <source>New request</source>
      <translation>Nueva solicitud</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake.py" line="140" />
      <source>Set by the category; a supervisor may change it.</source>
      <translation>Lo fija la categoría; un supervisor puede cambiarlo.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake.py" line="168" />
      <location filename="../../src/citydesk/ui/counter/intake.py" line="334" />
      <source>Choose a category: it sets the department, priority and target.</source>
      <translation>Elija una categoría: fija el departamento, la prioridad y el plazo.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake.py" line="169" />
      <source>Choose a category to see what to tell the caller.</source>
      <translation>Elija una categoría para ver qué decirle a la persona.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake.py" line="214" />
      <location filename="../../src/citydesk/ui/counter/intake.py" line="215" />
      <location filename="../../src/citydesk/ui/counter/intake.py" line="219" />
      <source>Discard this request?</source>
      <translation>¿Descartar esta solicitud?</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake.py" line="218" />
      <source>What was typed for this caller is not saved.</source>
      <translation>Lo escrito para esta persona no se ha guardado.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake.py" line="220" />
      <source>&amp;Discard</source>
      <translation>&amp;Descartar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake.py" line="221" />
      <source>&amp;Keep editing</source>
      <translation>&amp;Seguir editando</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake.py" line="270" />
      <source>by phone</source>
      <translation>por teléfono</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake.py" line="270" />
      <source>by e-mail</source>
      <translation>por correo electrónico</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake.py" line="270" />
      <source>by letter</source>
      <translation>por carta</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake.py" line="273" />
      <source>{0} · {1} · reply {2}{3}</source>
      <translation>{0} · {1} · responder {2}{3}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake.py" line="276" />
      <source>not needed</source>
      <translation>no hace falta</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake.py" line="277" />
      <source> · confidential</source>
      <translation> · confidencial</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake.py" line="296" />
      <source>A new requester will be saved with the request.</source>
      <translation>Se guardará un solicitante nuevo con la solicitud.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake.py" line="310" />
      <source>✓ On the city's address list{0}</source>
      <translation>✓ En la lista de direcciones de la ciudad{0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake.py" line="312" />
      <source>Not on the address list: saved as typed (unverified).</source>
      <translation>No está en la lista de direcciones: se guarda tal como se escribió (sin verificar).</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake.py" line="320" />
      <source>{0} · default {1} · target {2} business days</source>
      <translation>{0} · por defecto {1} · plazo {2} días hábiles</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake.py" line="324" />
      <source>(No script for this category.)</source>
      <translation>(No hay guion para esta categoría.)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake.py" line="377" />
      <source>Expected by {0}</source>
      <translation>Prevista para el {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake.py" line="386" />
      <source>{0} at {1}</source>
      <translation>{0} en {1}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="45" />
      <source>Channel</source>
      <translation>Canal</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="48" />
      <source>Requester</source>
      <translation>Solicitante</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="49" />
      <source>Name, phone or e-mail</source>
      <translation>Nombre, teléfono o correo electrónico</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="53" />
      <source>Requester details</source>
      <translation>Datos del solicitante</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="54" />
      <source>New requester, not on file yet (Alt+W)</source>
      <translation>Solicitante nuevo, aún no registrado (Alt+W)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="55" />
      <source>New requester</source>
      <translation>Solicitante nuevo</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="60" />
      <source>Location</source>
      <translation>Lugar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="61" />
      <source>Address, place or landmark (City Park)</source>
      <translation>Dirección, lugar o punto de referencia (City Park)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="67" />
      <source>Location check</source>
      <translation>Comprobación del lugar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="70" />
      <source>Category</source>
      <translation>Categoría</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="71" />
      <source>What is it about? (light, pothole, password…)</source>
      <translation>¿De qué se trata? (farola, bache, contraseña…)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="75" />
      <source>Category details</source>
      <translation>Detalles de la categoría</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="76" />
      <source>Priority</source>
      <translation>Prioridad</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="80" />
      <source>Priority meaning</source>
      <translation>Significado de la prioridad</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="81" />
      <source>Handled by department</source>
      <translation>Departamento a cargo</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="83" />
      <source>Target date</source>
      <translation>Fecha objetivo</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="87" />
      <source>Expected completion</source>
      <translation>Finalización prevista</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="89" />
      <source>Title</source>
      <translation>Título</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="89" />
      <source>Filled in from the category and place</source>
      <translation>Se completa con la categoría y el lugar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="92" />
      <source>Description</source>
      <translation>Descripción</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="92" />
      <source>What the caller says</source>
      <translation>Lo que dice la persona</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="96" />
      <source>C&amp;hannel:</source>
      <translation>Canal de entr&amp;ada:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="97" />
      <source>&amp;Requester:</source>
      <translation>&amp;Solicitante:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="101" />
      <source>&amp;Location:</source>
      <translation>&amp;Lugar:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="103" />
      <source>&amp;Category:</source>
      <translation>&amp;Categoría:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="105" />
      <source>Priorit&amp;y:</source>
      <translation>&amp;Prioridad:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="107" />
      <source>Handled by:</source>
      <translation>A cargo de:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="108" />
      <source>Target date:</source>
      <translation>Fecha objetivo:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="110" />
      <source>&amp;Title:</source>
      <translation>&amp;Título:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="111" />
      <source>Descr&amp;iption:</source>
      <translation>Descr&amp;ipción:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="127" />
      <source>&lt;b&gt;What to tell the caller&lt;/b&gt;</source>
      <translation>&lt;b&gt;Qué decirle a la persona&lt;/b&gt;</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="128" />
      <source>What to tell the caller</source>
      <translation>Qué decirle a la persona</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="130" />
      <source>&lt;b&gt;Questions to ask&lt;/b&gt;</source>
      <translation>&lt;b&gt;Preguntas que hacer&lt;/b&gt;</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="145" />
      <source>Result</source>
      <translation>Resultado</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="147" />
      <source>&amp;Save request</source>
      <translation>&amp;Guardar solicitud</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="147" />
      <source>Ctrl+Enter</source>
      <translation>Ctrl+Intro</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="149" />
      <source>A&amp;dd caller to that ticket</source>
      <translation>A&amp;ñadir a la persona a ese ticket</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="149" />
      <source>Ctrl+D</source>
      <translation>Ctrl+D</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="151" />
      <source>Print receipt…</source>
      <translation>Imprimir comprobante…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="151" />
      <source>Ctrl+P</source>
      <translation>Ctrl+P</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="152" />
      <source>Print receipt</source>
      <translation>Imprimir comprobante</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="155" />
      <source>Next request</source>
      <translation>Siguiente solicitud</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="155" />
      <source>Ctrl+N or Alt+N</source>
      <translation>Ctrl+N o Alt+N</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="157" />
      <source>Close</source>
      <translation>Cerrar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_layout.py" line="157" />
      <source>Esc</source>
      <translation>Esc</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_save.py" line="44" />
      <source>Choose the requester from the list, or Alt+W to enter a new one.</source>
      <translation>Elija al solicitante de la lista, o Alt+W para escribir uno nuevo.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_save.py" line="47" />
      <source>Find the requester, or Alt+W for a new one (it may be anonymous).</source>
      <translation>Busque al solicitante, o Alt+W para uno nuevo (puede ser anónimo).</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_save.py" line="57" />
      <source>Choose a category from the list (type a word such as “light”).</source>
      <translation>Elija una categoría de la lista (escriba una palabra como «farola»).</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_save.py" line="82" />
      <source>Already saved as {0}. Ctrl+N starts the next request.</source>
      <translation>Ya se guardó como {0}. Ctrl+N empieza la siguiente solicitud.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_save.py" line="108" />
      <source>No ticket to add the caller to: nothing similar is open.</source>
      <translation>No hay ticket al que añadir a la persona: no hay nada parecido abierto.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_save.py" line="140" />
      <source>Added the caller to {0}: {1}.</source>
      <translation>Se añadió a la persona a {0}: {1}.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_save.py" line="146" />
      <source> Expected by {0}.</source>
      <translation> Prevista para el {0}.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_save.py" line="150" />
      <source>Saved as {0}.{1}</source>
      <translation>Guardada como {0}.{1}</translation>
    </message>
  </context>
  <context>
    <name>NewRequesterBox</name>
    <message>
      <location filename="../../src/citydesk/ui/counter/requester_form.py" line="42" />
      <source>New requester</source>
      <translation>Solicitante nuevo</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/requester_form.py" line="45" />
      <source>Name</source>
      <translation>Nombre</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/requester_form.py" line="45" />
      <source>First and last name</source>
      <translation>Nombre y apellido</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/requester_form.py" line="46" />
      <source>Phone</source>
      <translation>Teléfono</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/requester_form.py" line="46" />
      <source>(555) 010-1234</source>
      <translation>(555) 010-1234</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/requester_form.py" line="47" />
      <source>E-mail</source>
      <translation>Correo electrónico</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/requester_form.py" line="47" />
      <source>name@example.org</source>
      <translation>nombre@ejemplo.org</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/requester_form.py" line="48" />
      <source>Kind</source>
      <translation>Tipo</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/requester_form.py" line="49" />
      <source>Citizen or city staff</source>
      <translation>Ciudadano o personal de la ciudad</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/requester_form.py" line="50" />
      <source>Citizen</source>
      <translation>Ciudadano</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/requester_form.py" line="51" />
      <source>City staff</source>
      <translation>Personal de la ciudad</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/requester_form.py" line="52" />
      <source>Staff member's department</source>
      <translation>Departamento del empleado</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/requester_form.py" line="53" />
      <source>Language</source>
      <translation>Idioma</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/requester_form.py" line="54" />
      <source>Preferred language for replies</source>
      <translation>Idioma preferido para las respuestas</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/requester_form.py" line="57" />
      <source>Reply by</source>
      <translation>Responder por</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/requester_form.py" line="58" />
      <source>Best available (phone, e-mail, letter)</source>
      <translation>El mejor disponible (teléfono, correo electrónico, carta)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/requester_form.py" line="62" />
      <source>Postal address</source>
      <translation>Domicilio postal</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/requester_form.py" line="62" />
      <source>Only needed to reply by letter</source>
      <translation>Solo hace falta para responder por carta</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/requester_form.py" line="65" />
      <source>An&amp;onymous</source>
      <translation>Anóni&amp;mo</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/requester_form.py" line="66" />
      <source>Anonymous</source>
      <translation>Anónimo</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/requester_form.py" line="67" />
      <source>Keep nothing that identifies the caller.</source>
      <translation>No guardar nada que identifique a la persona.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/requester_form.py" line="69" />
      <source>Con&amp;fidential</source>
      <translation>Con&amp;fidencial</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/requester_form.py" line="70" />
      <source>Confidential</source>
      <translation>Confidencial</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/requester_form.py" line="71" />
      <source>Withhold the name from public-records exports.</source>
      <translation>Ocultar el nombre en las exportaciones para registros públicos.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/requester_form.py" line="75" />
      <source>Name:</source>
      <translation>Nombre:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/requester_form.py" line="76" />
      <source>&amp;Phone:</source>
      <translation>&amp;Teléfono:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/requester_form.py" line="77" />
      <source>&amp;E-mail:</source>
      <translation>Correo &amp;electrónico:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/requester_form.py" line="78" />
      <source>&amp;Kind:</source>
      <translation>Ti&amp;po:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/requester_form.py" line="79" />
      <source>Depart&amp;ment:</source>
      <translation>&amp;Departamento:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/requester_form.py" line="80" />
      <source>Lan&amp;guage:</source>
      <translation>Idio&amp;ma:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/requester_form.py" line="81" />
      <source>Reply &amp;by:</source>
      <translation>&amp;Responder por:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/requester_form.py" line="82" />
      <source>Postal addre&amp;ss:</source>
      <translation>D&amp;omicilio postal:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/requester_form.py" line="110" />
      <source>(choose)</source>
      <translation>(elija)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/requester_form.py" line="150" />
      <source>“{0}” looks like a phone number: it goes in Phone (Alt+P).</source>
      <translation>«{0}» parece un número de teléfono: va en Teléfono (Alt+T).</translation>
    </message>
  </context>
  <context>
    <name>Notifier</name>
    <message>
      <location filename="../../src/citydesk/ui/tray.py" line="29" />
      <source>citydesk</source>
      <translation>citydesk</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/tray.py" line="48" />
      <source>New P1 {0}</source>
      <translation>Nuevo P1 {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/tray.py" line="55" />
      <source>{0} was assigned to you</source>
      <translation>Se le asignó {0}</translation>
    </message>
  </context>
  <context>
    <name>PagePrinter</name>
    <message>
      <location filename="../../src/citydesk/ui/reports/printing.py" line="93" />
      <source>Printed to {0}</source>
      <translation>Impreso en {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/printing.py" line="101" />
      <source>The chosen pages are not in the report.</source>
      <translation>Las páginas elegidas no están en el informe.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/printing.py" line="105" />
      <source>the printer</source>
      <translation>la impresora</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/printing.py" line="106" />
      <source>Could not start printing on {0}.</source>
      <translation>No se pudo empezar a imprimir en {0}.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/printing.py" line="135" />
      <source>{0} pages sent to {1}</source>
      <translation>{0} páginas enviadas a {1}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/printing.py" line="142" />
      <source>The report was not printed: {0}</source>
      <translation>El informe no se imprimió: {0}</translation>
    </message>
  </context>
  <context>
    <name>PulledNotifier</name>
    <message>
      <location filename="../../src/citydesk/ui/pulled_notices.py" line="83" />
      <source>New P1 {0} from another office</source>
      <translation>Nuevo P1 {0} de otra oficina</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/pulled_notices.py" line="90" />
      <source>{0} was assigned to you at another office</source>
      <translation>{0} se le asignó a usted en otra oficina</translation>
    </message>
  </context>
  <context>
    <name>QuestionDialog</name>
    <message>
      <location filename="../../src/citydesk/ui/counter/question.py" line="43" />
      <source>There is no category “{0}”. Choose one from the list, or leave it empty.</source>
      <translation>No existe la categoría «{0}». Elija una de la lista o déjela vacía.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/question.py" line="57" />
      <location filename="../../src/citydesk/ui/counter/question.py" line="58" />
      <source>Question answered on the spot</source>
      <translation>Pregunta respondida en el momento</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/question.py" line="62" />
      <source>e.g. Opening hours of the recycling centre</source>
      <translation>p. ej., horario del centro de reciclaje</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/question.py" line="63" />
      <source>Question</source>
      <translation>Pregunta</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/question.py" line="64" />
      <source>What was asked, in one line</source>
      <translation>Lo que se preguntó, en una línea</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/question.py" line="66" />
      <source>&amp;Question:</source>
      <translation>&amp;Pregunta:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/question.py" line="67" />
      <source>Category (optional)</source>
      <translation>Categoría (opcional)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/question.py" line="67" />
      <source>Type to search</source>
      <translation>Escriba para buscar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/question.py" line="72" />
      <source>Ca&amp;tegory (optional):</source>
      <translation>&amp;Categoría (opcional):</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/question.py" line="73" />
      <source>Channel</source>
      <translation>Canal</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/question.py" line="74" />
      <source>C&amp;hannel:</source>
      <translation>Canal de &amp;entrada:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/question.py" line="78" />
      <source>Log question</source>
      <translation>Registrar pregunta</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/question.py" line="78" />
      <source>Enter or Ctrl+Enter</source>
      <translation>Intro o Ctrl+Intro</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/question.py" line="113" />
      <source>Question answered on the spot logged</source>
      <translation>Pregunta respondida en el momento registrada</translation>
    </message>
  </context>
  <context>
    <name>QuitGuard</name>
    <message>
      <location filename="../../src/citydesk/ui/sync/quit.py" line="42" />
      <source>Quit citydesk</source>
      <translation>Salir de citydesk</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/quit.py" line="44" />
      <source>1 change made on this PC has not been sent to the city's server yet.</source>
      <translation>1 cambio hecho en este equipo todavía no se ha enviado al servidor de la ciudad.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/quit.py" line="46" />
      <source>{0} changes made on this PC have not been sent to the city's server yet.</source>
      <translation>{0} cambios hechos en este equipo todavía no se han enviado al servidor de la ciudad.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/quit.py" line="51" />
      <source>They are kept safely on this PC and are sent the next time citydesk syncs.</source>
      <translation>Se guardan de forma segura en este equipo y se envían la próxima vez que citydesk sincronice.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/quit.py" line="53" />
      <source>&amp;Sync and quit</source>
      <translation>&amp;Sincronizar y salir</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/quit.py" line="54" />
      <source>&amp;Quit</source>
      <translation>Sa&amp;lir</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/quit.py" line="55" />
      <source>Cancel</source>
      <translation>Cancelar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/quit.py" line="71" />
      <source>Sending your changes, then citydesk closes…</source>
      <translation>Enviando sus cambios; luego citydesk se cerrará…</translation>
    </message>
  </context>
  <context>
    <name>ReceiptDialog</name>
    <message>
      <location filename="../../src/citydesk/ui/counter/receipt.py" line="71" />
      <source>Half page, Letter</source>
      <translation>Media hoja, Carta</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/receipt.py" line="72" />
      <source>Half page, A4</source>
      <translation>Media hoja, A4</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/receipt.py" line="73" />
      <source>80 mm receipt printer</source>
      <translation>Impresora de tickets de 80 mm</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/receipt.py" line="194" />
      <location filename="../../src/citydesk/ui/counter/receipt.py" line="195" />
      <source>Receipt</source>
      <translation>Comprobante</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/receipt.py" line="203" />
      <source>Preparing the receipt…</source>
      <translation>Preparando el comprobante…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/receipt.py" line="204" />
      <source>Receipt preview</source>
      <translation>Vista previa del comprobante</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/receipt.py" line="212" />
      <source>Paper</source>
      <translation>Papel</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/receipt.py" line="221" />
      <source>P&amp;aper:</source>
      <translation>P&amp;apel:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/receipt.py" line="225" />
      <source>Language of the receipt</source>
      <translation>Idioma del comprobante</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/receipt.py" line="229" />
      <source>&amp;Language:</source>
      <translation>&amp;Idioma:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/receipt.py" line="238" />
      <source>&amp;Print…</source>
      <translation>Im&amp;primir…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/receipt.py" line="239" />
      <source>Print the receipt</source>
      <translation>Imprimir el comprobante</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/receipt.py" line="240" />
      <source>Ctrl+P</source>
      <translation>Ctrl+P</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/receipt.py" line="241" />
      <source>Save as P&amp;DF…</source>
      <translation>Guardar como P&amp;DF…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/receipt.py" line="242" />
      <location filename="../../src/citydesk/ui/counter/receipt.py" line="354" />
      <source>Save the receipt as PDF</source>
      <translation>Guardar el comprobante como PDF</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/receipt.py" line="243" />
      <source>Ctrl+S</source>
      <translation>Ctrl+S</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/receipt.py" line="244" />
      <location filename="../../src/citydesk/ui/counter/receipt.py" line="245" />
      <source>Close</source>
      <translation>Cerrar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/receipt.py" line="290" />
      <source>Receipt — {0}</source>
      <translation>Comprobante — {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/receipt.py" line="319" />
      <source>No printer is set up on this PC. Save the receipt as a PDF instead (Ctrl+S) and print it from another PC or hand it over by e-mail.</source>
      <translation>No hay ninguna impresora configurada en este equipo. Guarde el comprobante como PDF (Ctrl+S) e imprímalo desde otro equipo o envíelo por correo electrónico.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/receipt.py" line="329" />
      <source>The printer {0} could not be used (is it switched on and connected?). Save the receipt as a PDF instead (Ctrl+S).</source>
      <translation>No se pudo usar la impresora {0} (¿está encendida y conectada?). Guarde el comprobante como PDF (Ctrl+S).</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/receipt.py" line="332" />
      <source>Receipt for {0} sent to {1}</source>
      <translation>Comprobante de {0} enviado a {1}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/receipt.py" line="342" />
      <source>Print receipt {0}</source>
      <translation>Imprimir comprobante {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/receipt.py" line="354" />
      <source>PDF files (*.pdf)</source>
      <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/receipt.py" line="373" />
      <source>Receipt for {0} saved to {1}</source>
      <translation>Comprobante de {0} guardado en {1}</translation>
    </message>
  </context>
  <context>
    <name>ReceiptTextsDialog</name>
    <message>
      <location filename="../../src/citydesk/ui/counter/receipt_texts.py" line="40" />
      <source>Heading</source>
      <translation>Encabezado</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/receipt_texts.py" line="41" />
      <source>Label of the requester's name</source>
      <translation>Etiqueta del nombre del solicitante</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/receipt_texts.py" line="42" />
      <source>Label above the number</source>
      <translation>Etiqueta sobre el número</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/receipt_texts.py" line="43" />
      <source>Label of the date</source>
      <translation>Etiqueta de la fecha</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/receipt_texts.py" line="44" />
      <source>Label of what was asked</source>
      <translation>Etiqueta de lo solicitado</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/receipt_texts.py" line="45" />
      <source>Label of the category</source>
      <translation>Etiqueta de la categoría</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/receipt_texts.py" line="46" />
      <source>Label of the location</source>
      <translation>Etiqueta del lugar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/receipt_texts.py" line="47" />
      <source>Label of the expected date</source>
      <translation>Etiqueta de la fecha prevista</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/receipt_texts.py" line="48" />
      <source>When there is no expected date</source>
      <translation>Cuando no hay fecha prevista</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/receipt_texts.py" line="49" />
      <source>How to ask about the status (with a phone number)</source>
      <translation>Cómo preguntar por el estado (con número de teléfono)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/receipt_texts.py" line="52" />
      <source>How to ask about the status (no phone number set)</source>
      <translation>Cómo preguntar por el estado (sin número de teléfono configurado)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/receipt_texts.py" line="55" />
      <source>How to ask about the status (no phone number set; the requester phoned)</source>
      <translation>Cómo preguntar por el estado (sin número de teléfono configurado; el solicitante llamó)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/receipt_texts.py" line="58" />
      <source>Closing line</source>
      <translation>Línea de cierre</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/receipt_texts.py" line="72" />
      <location filename="../../src/citydesk/ui/counter/receipt_texts.py" line="73" />
      <source>Receipt texts</source>
      <translation>Textos del comprobante</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/receipt_texts.py" line="78" />
      <source>&amp;Language:</source>
      <translation>&amp;Idioma:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/receipt_texts.py" line="80" />
      <source>Language</source>
      <translation>Idioma</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/receipt_texts.py" line="88" />
      <source>Placeholders filled in when the slip prints: {0}</source>
      <translation>Marcadores que se completan al imprimir el comprobante: {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/receipt_texts.py" line="95" />
      <source>City phone printed on the slip</source>
      <translation>Teléfono de la ciudad impreso en el comprobante</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/receipt_texts.py" line="95" />
      <source>none</source>
      <translation>ninguno</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/receipt_texts.py" line="97" />
      <source>City &amp;phone printed on the slip:</source>
      <translation>&amp;Teléfono de la ciudad impreso en el comprobante:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/receipt_texts.py" line="104" />
      <source>{0}:</source>
      <translation>{0}:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/receipt_texts.py" line="116" />
      <source>&amp;Save</source>
      <translation>&amp;Guardar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/receipt_texts.py" line="117" />
      <source>Save the texts</source>
      <translation>Guardar los textos</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/receipt_texts.py" line="118" />
      <source>Ctrl+Enter</source>
      <translation>Ctrl+Intro</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/receipt_texts.py" line="120" />
      <location filename="../../src/citydesk/ui/counter/receipt_texts.py" line="121" />
      <source>Close</source>
      <translation>Cerrar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/receipt_texts.py" line="122" />
      <source>&amp;Restore defaults</source>
      <translation>&amp;Restablecer valores predeterminados</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/receipt_texts.py" line="123" />
      <source>Restore the default texts of this language</source>
      <translation>Restablecer los textos predeterminados de este idioma</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/receipt_texts.py" line="134" />
      <source>Receipt preview</source>
      <translation>Vista previa del comprobante</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/receipt_texts.py" line="213" />
      <source>Nothing has changed.</source>
      <translation>No ha cambiado nada.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/receipt_texts.py" line="225" />
      <source>Receipt texts saved ({0}): {1} changed</source>
      <translation>Textos del comprobante guardados ({0}): {1} cambiados</translation>
    </message>
  </context>
  <context>
    <name>RecordTimeDialog</name>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="56" />
      <source>Record time</source>
      <translation>Registrar tiempo</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="60" />
      <source> minutes</source>
      <translation> minutos</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="61" />
      <source>Minutes spent</source>
      <translation>Minutos dedicados</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="62" />
      <source>&amp;Minutes:</source>
      <translation>&amp;Minutos:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="63" />
      <source>What the time was for</source>
      <translation>En qué se usó el tiempo</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="63" />
      <source>Optional</source>
      <translation>Opcional</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="64" />
      <source>&amp;For:</source>
      <translation>&amp;Para:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="78" />
      <source>{0} minutes recorded on {1}</source>
      <translation>{0} minutos registrados en {1}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="64" />
      <source>Ctrl+Enter</source>
      <translation>Ctrl+Intro</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="76" />
      <source>{0} updated</source>
      <translation>{0} actualizado</translation>
    </message>
  </context>
  <context>
    <name>RedactDialog</name>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="247" />
      <source>Redact note</source>
      <translation>Ocultar nota</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="247" />
      <source>Redact</source>
      <translation>Ocultar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="257" />
      <source>The text is blanked on every office's copy and cannot be brought back. Who redacted it, and why, stays visible.</source>
      <translation>El texto se borra en la copia de cada oficina y no se puede recuperar. Quién lo ocultó, y por qué, sigue visible.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="263" />
      <source>Reason for redacting</source>
      <translation>Motivo para ocultarla</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="263" />
      <source>e.g. personal data</source>
      <translation>p. ej., datos personales</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="264" />
      <source>&amp;Reason:</source>
      <translation>&amp;Motivo:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="273" />
      <source>Note redacted on {0}</source>
      <translation>Nota ocultada en {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="64" />
      <source>Ctrl+Enter</source>
      <translation>Ctrl+Intro</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="76" />
      <source>{0} updated</source>
      <translation>{0} actualizado</translation>
    </message>
  </context>
  <context>
    <name>ReopenDialog</name>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="227" />
      <source>Reopen</source>
      <translation>Reabrir</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="228" />
      <source>Why reopen</source>
      <translation>Por qué reabrir</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="228" />
      <source>What is still wrong</source>
      <translation>Qué sigue mal</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="229" />
      <source>&amp;Why reopen:</source>
      <translation>&amp;Por qué reabrir:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="238" />
      <source>{0} reopened</source>
      <translation>{0} reabierto</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="64" />
      <source>Ctrl+Enter</source>
      <translation>Ctrl+Intro</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="76" />
      <source>{0} updated</source>
      <translation>{0} actualizado</translation>
    </message>
  </context>
  <context>
    <name>ReportOutputMixin</name>
    <message>
      <location filename="../../src/citydesk/ui/reports/output.py" line="48" />
      <source>Save the report as a PDF</source>
      <translation>Guardar el informe como PDF</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/output.py" line="50" />
      <source>PDF files (*.pdf)</source>
      <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/output.py" line="80" />
      <source>Report saved to {0}</source>
      <translation>Informe guardado en {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/output.py" line="99" />
      <source>Print the weekly report</source>
      <translation>Imprimir el informe semanal</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/output.py" line="107" />
      <source>Weekly report {0}</source>
      <translation>Informe semanal {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/output.py" line="113" />
      <source>No printer</source>
      <translation>Sin impresora</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/output.py" line="114" />
      <source>No printer is set up on this PC, so the report cannot be printed here. Save it as a PDF and print it from another PC, or set up a printer and try again.</source>
      <translation>No hay ninguna impresora configurada en este equipo, así que el informe no se puede imprimir aquí. Guárdelo como PDF e imprímalo desde otro equipo, o configure una impresora e inténtelo de nuevo.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/output.py" line="119" />
      <source>Save as PDF…</source>
      <translation>Guardar como PDF…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/output.py" line="122" />
      <source>No printer is set up on this PC</source>
      <translation>No hay ninguna impresora configurada en este equipo</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/output.py" line="133" />
      <source>Printing page {0} of {1}…</source>
      <translation>Imprimiendo la página {0} de {1}…</translation>
    </message>
  </context>
  <context>
    <name>ReportsMenu</name>
    <message>
      <location filename="../../src/citydesk/ui/reports/menu.py" line="29" />
      <source>&amp;Reports</source>
      <translation>&amp;Informes</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/menu.py" line="30" />
      <source>Weekly status &amp;report…</source>
      <translation>&amp;Informe semanal de estado…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/menu.py" line="32" />
      <source>Generate, preview, print and save the weekly status report</source>
      <translation>Generar, ver, imprimir y guardar el informe semanal de estado</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/menu.py" line="52" />
      <source>Only supervisors and admins can open the weekly report.</source>
      <translation>Solo los supervisores y administradores pueden abrir el informe semanal.</translation>
    </message>
  </context>
  <context>
    <name>ReportsView</name>
    <message>
      <location filename="../../src/citydesk/ui/reports/labels.py" line="15" />
      <source>Letter</source>
      <translation>Carta</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/labels.py" line="16" />
      <source>A4</source>
      <translation>A4</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/labels.py" line="19" />
      <source>Reading the week's figures…</source>
      <translation>Leyendo las cifras de la semana…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/labels.py" line="20" />
      <source>Loading the report font…</source>
      <translation>Cargando la fuente del informe…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/labels.py" line="21" />
      <source>Writing the summary and key figures…</source>
      <translation>Escribiendo el resumen y las cifras clave…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/labels.py" line="22" />
      <source>Drawing the charts…</source>
      <translation>Dibujando los gráficos…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/labels.py" line="23" />
      <source>Setting the tables…</source>
      <translation>Componiendo las tablas…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/labels.py" line="24" />
      <source>Laying out the pages…</source>
      <translation>Maquetando las páginas…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/labels.py" line="25" />
      <source>Done.</source>
      <translation>Listo.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/labels.py" line="26" />
      <source>Rendering the preview…</source>
      <translation>Generando la vista previa…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/labels.py" line="29" />
      <source>Monday</source>
      <translation>lunes</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/labels.py" line="30" />
      <source>Tuesday</source>
      <translation>martes</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/labels.py" line="31" />
      <source>Wednesday</source>
      <translation>miércoles</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/labels.py" line="32" />
      <source>Thursday</source>
      <translation>jueves</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/labels.py" line="33" />
      <source>Friday</source>
      <translation>viernes</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/labels.py" line="34" />
      <source>Saturday</source>
      <translation>sábado</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/labels.py" line="35" />
      <source>Sunday</source>
      <translation>domingo</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/output.py" line="72" />
      <source>The report was not saved to {0}: {1}.</source>
      <translation>El informe no se guardó en {0}: {1}.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/pages.py" line="29" />
      <source>The report {0} could not be opened: {1}</source>
      <translation>No se pudo abrir el informe {0}: {1}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/view.py" line="88" />
      <source>Weekly status report</source>
      <translation>Informe semanal de estado</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/view.py" line="89" />
      <source>Reports</source>
      <translation>Informes</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/view.py" line="111" />
      <source>Year</source>
      <translation>Año</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/view.py" line="112" />
      <source>The ISO week-numbering year</source>
      <translation>El año de la numeración ISO de semanas</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/view.py" line="113" />
      <source>&amp;Year:</source>
      <translation>&amp;Año:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/view.py" line="117" />
      <source>Week</source>
      <translation>Semana</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/view.py" line="118" />
      <source>The ISO week number</source>
      <translation>El número de semana ISO</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/view.py" line="120" />
      <source>Dates of the week</source>
      <translation>Fechas de la semana</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/view.py" line="129" />
      <source>&amp;Week:</source>
      <translation>&amp;Semana:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/view.py" line="130" />
      <source>Scope</source>
      <translation>Alcance</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/view.py" line="132" />
      <source>&amp;Scope:</source>
      <translation>Al&amp;cance:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/view.py" line="133" />
      <source>Paper size</source>
      <translation>Tamaño del papel</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/view.py" line="136" />
      <source>&amp;Paper:</source>
      <translation>&amp;Papel:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/view.py" line="142" />
      <source>&amp;Generate</source>
      <translation>&amp;Generar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/view.py" line="142" />
      <source>Generate the report (Ctrl+G)</source>
      <translation>Generar el informe (Ctrl+G)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/view.py" line="145" />
      <source>&amp;Print…</source>
      <translation>Im&amp;primir…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/view.py" line="145" />
      <source>Print the report (Ctrl+P)</source>
      <translation>Imprimir el informe (Ctrl+P)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/view.py" line="148" />
      <source>Save as P&amp;DF…</source>
      <translation>Guardar como P&amp;DF…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/view.py" line="148" />
      <source>Save the report as a PDF (Ctrl+S)</source>
      <translation>Guardar el informe como PDF (Ctrl+S)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/view.py" line="151" />
      <source>Write the report every week on this PC</source>
      <translation>Escribir el informe cada semana en este equipo</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/view.py" line="152" />
      <source>S&amp;chedule…</source>
      <translation>&amp;Programar…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/view.py" line="153" />
      <source>Close the reports window</source>
      <translation>Cerrar la ventana de informes</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/view.py" line="154" />
      <source>Close</source>
      <translation>Cerrar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/view.py" line="165" />
      <source>Report progress</source>
      <translation>Progreso del informe</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/view.py" line="169" />
      <source>Choose a week and a scope, then Generate.</source>
      <translation>Elija una semana y un alcance, y luego Generar.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/view.py" line="170" />
      <source>Report status</source>
      <translation>Estado del informe</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/view.py" line="172" />
      <source>Pages in the report</source>
      <translation>Páginas del informe</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/view.py" line="180" />
      <source>Report preview</source>
      <translation>Vista previa del informe</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/view.py" line="250" />
      <source>(that year has no week {0})</source>
      <translation>(ese año no tiene semana {0})</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/view.py" line="266" />
      <source>{0} is in the future: its report cannot be made yet. Choose {1} (this week, so far) or an earlier week.</source>
      <translation>{0} está en el futuro: todavía no se puede hacer su informe. Elija {1} (esta semana, hasta ahora) o una semana anterior.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/view.py" line="308" />
      <source>Generating the report for {0}…</source>
      <translation>Generando el informe de {0}…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/view.py" line="323" />
      <source>{0} pages</source>
      <translation>{0} páginas</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/view.py" line="326" />
      <source>Report for {0}, {1}: {2} pages</source>
      <translation>Informe de {0}, {1}: {2} páginas</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/view.py" line="347" />
      <source>Page {0} of {1}</source>
      <translation>Página {0} de {1}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/labels.py" line="59" />
      <source>Whole city</source>
      <translation>Toda la ciudad</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/labels.py" line="61" />
      <source>Office: {0}</source>
      <translation>Oficina: {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/labels.py" line="63" />
      <source>Department: {0}</source>
      <translation>Departamento: {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/labels.py" line="75" />
      <source>The weekly report is not scheduled on this PC.</source>
      <translation>El informe semanal no está programado en este equipo.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/labels.py" line="77" />
      <source>Every {0} at {1} (city time), last week's report ({2}) is written to {3} and printed.</source>
      <translation>Cada {0} a las {1} (hora de la ciudad), el informe de la semana anterior ({2}) se escribe en {3} y se imprime.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/labels.py" line="79" />
      <source>Every {0} at {1} (city time), last week's report ({2}) is written to {3}.</source>
      <translation>Cada {0} a las {1} (hora de la ciudad), el informe de la semana anterior ({2}) se escribe en {3}.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="28" />
      <source>New</source>
      <translation>Nuevo</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="29" />
      <source>Assigned</source>
      <translation>Asignado</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="30" />
      <source>In progress</source>
      <translation>En curso</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="31" />
      <source>Waiting for the requester</source>
      <translation>En espera del solicitante</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="32" />
      <source>Waiting for a vendor</source>
      <translation>En espera de un proveedor</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="33" />
      <source>Waiting for parts</source>
      <translation>En espera de piezas</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="34" />
      <source>Resolved</source>
      <translation>Resuelto</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="35" />
      <source>Closed</source>
      <translation>Cerrado</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="38" />
      <source>P1 Critical</source>
      <translation>P1 Crítica</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="39" />
      <source>P2 High</source>
      <translation>P2 Alta</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="40" />
      <source>P3 Normal</source>
      <translation>P3 Normal</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="41" />
      <source>Ops (planned work)</source>
      <translation>Ops (trabajo planificado)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="44" />
      <source>Service down or security breach: dispatch now, page the on-call person, around the clock.</source>
      <translation>Servicio caído o brecha de seguridad: enviar ya, avisar a la persona de guardia, a cualquier hora.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="47" />
      <source>Degraded or important: handle the same business day.</source>
      <translation>Degradado o importante: atender el mismo día hábil.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="48" />
      <source>Normal request: done within the category's target number of business days.</source>
      <translation>Solicitud normal: se resuelve dentro del plazo en días hábiles de la categoría.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="51" />
      <source>Planned operational work (patches, backup checks, upgrades), counted apart from requests.</source>
      <translation>Trabajo operativo planificado (parches, comprobación de copias de seguridad, actualizaciones), contado aparte de las solicitudes.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="56" />
      <location filename="../../src/citydesk/ui/words.py" line="76" />
      <source>Phone</source>
      <translation>Teléfono</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="57" />
      <source>Walk-in</source>
      <translation>Presencial</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="58" />
      <location filename="../../src/citydesk/ui/words.py" line="77" />
      <source>E-mail</source>
      <translation>Correo electrónico</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="59" />
      <source>Web</source>
      <translation>Web</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="60" />
      <source>Intranet</source>
      <translation>Intranet</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="61" />
      <source>Internal</source>
      <translation>Interno</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="62" />
      <source>After-hours dispatch</source>
      <translation>Despacho fuera de horario</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="67" />
      <source>W (Walk-in)</source>
      <translation>P (Presencial)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="68" />
      <source>P (Phone)</source>
      <translation>T (Teléfono)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="69" />
      <source>E (E-mail)</source>
      <translation>C (Correo electrónico)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="70" />
      <source>B (Web)</source>
      <translation>W (Web)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="71" />
      <source>T (Intranet)</source>
      <translation>N (iNtranet)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="72" />
      <source>I (Internal)</source>
      <translation>I (Interno)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="73" />
      <source>A (After-hours dispatch)</source>
      <translation>F (Fuera de horario)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="79" />
      <source>No reply wanted</source>
      <translation>No quiere respuesta</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="82" />
      <source>Done</source>
      <translation>Hecho</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="83" />
      <source>Duplicate of another request</source>
      <translation>Duplicado de otra solicitud</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="84" />
      <source>Referred to another agency</source>
      <translation>Remitido a otro organismo</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="85" />
      <source>Not a city matter</source>
      <translation>No es asunto de la ciudad</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="86" />
      <source>Could not locate</source>
      <translation>No se pudo localizar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="87" />
      <source>Void (entered by mistake)</source>
      <translation>Anulado (ingresado por error)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="90" />
      <source>Clerk</source>
      <translation>Empleado de mostrador</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="91" />
      <source>Technician</source>
      <translation>Técnico</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="92" />
      <source>Supervisor</source>
      <translation>Supervisor</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="93" />
      <source>Admin</source>
      <translation>Administrador</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="94" />
      <source>System</source>
      <translation>Sistema</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="97" />
      <source>Citizen</source>
      <translation>Ciudadano</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="98" />
      <source>City staff member</source>
      <translation>Empleado de la ciudad</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="101" />
      <source>English</source>
      <translation>Inglés</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="102" />
      <source>Spanish</source>
      <translation>Español</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="194" />
      <source>1 minute</source>
      <translation>1 minuto</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="194" />
      <source>{0} minutes</source>
      <translation>{0} minutos</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="193" />
      <source>1 hour</source>
      <translation>1 hora</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="193" />
      <source>{0} hours</source>
      <translation>{0} horas</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="191" />
      <source>{0} days</source>
      <translation>{0} días</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="178" />
      <source>Reported by 1 person</source>
      <translation>Informado por 1 persona</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="178" />
      <source>Reported by {0} people</source>
      <translation>Informado por {0} personas</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="167" />
      <source>en</source>
      <translation>es</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="183" />
      <source>1 person</source>
      <translation>1 persona</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="183" />
      <source>{0} people</source>
      <translation>{0} personas</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="191" />
      <source>1 day</source>
      <translation>1 día</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="200" />
      <source>just now</source>
      <translation>justo ahora</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="201" />
      <source>{0} ago</source>
      <translation>hace {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="206" />
      <location filename="../../src/citydesk/ui/words.py" line="237" />
      <source>ddd d MMM yyyy</source>
      <translation>ddd d 'de' MMM 'de' yyyy</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="211" />
      <source>d MMM yyyy</source>
      <translation>d MMM yyyy</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="216" />
      <source>ddd dd MMM</source>
      <translation>ddd dd MMM</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="221" />
      <source>dddd, MMMM d, yyyy</source>
      <translation>dddd, d 'de' MMMM 'de' yyyy</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="226" />
      <source>dddd, MMMM d</source>
      <translation>dddd, d 'de' MMMM</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="232" />
      <source>ddd d MMM yyyy, h:mm AP</source>
      <translation>ddd d 'de' MMM 'de' yyyy, H:mm</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/output.py" line="48" />
      <source>Save the report as a PDF</source>
      <translation>Guardar el informe como PDF</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/output.py" line="50" />
      <source>PDF files (*.pdf)</source>
      <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/output.py" line="80" />
      <source>Report saved to {0}</source>
      <translation>Informe guardado en {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/output.py" line="99" />
      <source>Print the weekly report</source>
      <translation>Imprimir el informe semanal</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/output.py" line="107" />
      <source>Weekly report {0}</source>
      <translation>Informe semanal {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/output.py" line="113" />
      <source>No printer</source>
      <translation>Sin impresora</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/output.py" line="114" />
      <source>No printer is set up on this PC, so the report cannot be printed here. Save it as a PDF and print it from another PC, or set up a printer and try again.</source>
      <translation>No hay ninguna impresora configurada en este equipo, así que el informe no se puede imprimir aquí. Guárdelo como PDF e imprímalo desde otro equipo, o configure una impresora e inténtelo de nuevo.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/output.py" line="119" />
      <source>Save as PDF…</source>
      <translation>Guardar como PDF…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/output.py" line="122" />
      <source>No printer is set up on this PC</source>
      <translation>No hay ninguna impresora configurada en este equipo</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/output.py" line="133" />
      <source>Printing page {0} of {1}…</source>
      <translation>Imprimiendo la página {0} de {1}…</translation>
    </message>
  </context>
  <context>
    <name>Requesters</name>
    <message>
      <location filename="../../src/citydesk/ui/requesters/models.py" line="31" />
      <location filename="../../src/citydesk/ui/requesters/form.py" line="60" />
      <source>Name</source>
      <translation>Nombre</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/models.py" line="32" />
      <location filename="../../src/citydesk/ui/requesters/form.py" line="62" />
      <source>Phone</source>
      <translation>Teléfono</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/models.py" line="33" />
      <location filename="../../src/citydesk/ui/requesters/form.py" line="64" />
      <source>E-mail</source>
      <translation>Correo electrónico</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/models.py" line="34" />
      <location filename="../../src/citydesk/ui/requesters/form.py" line="52" />
      <source>Kind</source>
      <translation>Tipo</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/models.py" line="35" />
      <location filename="../../src/citydesk/ui/requesters/window.py" line="146" />
      <location filename="../../src/citydesk/ui/requesters/window.py" line="150" />
      <source>Tickets</source>
      <translation>Tickets</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/models.py" line="38" />
      <source>Number</source>
      <translation>Número</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/models.py" line="39" />
      <source>Title</source>
      <translation>Título</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/models.py" line="40" />
      <source>Status</source>
      <translation>Estado</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/models.py" line="41" />
      <source>Created</source>
      <translation>Creado</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/window.py" line="195" />
      <source>Close</source>
      <translation>Cerrar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/form.py" line="56" />
      <source>Department</source>
      <translation>Departamento</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/form.py" line="39" />
      <source>Requester details</source>
      <translation>Datos del solicitante</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/form.py" line="43" />
      <location filename="../../src/citydesk/ui/requesters/form.py" line="125" />
      <source>Choose a requester from the list.</source>
      <translation>Elija un solicitante de la lista.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/form.py" line="45" />
      <source>Requester</source>
      <translation>Solicitante</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/form.py" line="55" />
      <source>&amp;Kind:</source>
      <translation>Ti&amp;po:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/form.py" line="58" />
      <source>&amp;Department:</source>
      <translation>&amp;Departamento:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/form.py" line="61" />
      <source>&amp;Name:</source>
      <translation>&amp;Nombre:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/form.py" line="63" />
      <source>&amp;Phone:</source>
      <translation>&amp;Teléfono:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/form.py" line="65" />
      <source>&amp;E-mail:</source>
      <translation>Correo &amp;electrónico:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/form.py" line="66" />
      <source>Postal address</source>
      <translation>Domicilio postal</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/form.py" line="67" />
      <source>Postal &amp;address:</source>
      <translation>&amp;Domicilio postal:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/form.py" line="68" />
      <source>Language</source>
      <translation>Idioma</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/form.py" line="69" />
      <source>Preferred language for replies</source>
      <translation>Idioma preferido para las respuestas</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/form.py" line="72" />
      <source>&amp;Language:</source>
      <translation>&amp;Idioma:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/form.py" line="73" />
      <source>Reply by</source>
      <translation>Responder por</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/form.py" line="76" />
      <source>&amp;Reply by:</source>
      <translation>&amp;Responder por:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/form.py" line="78" />
      <source>An&amp;onymous</source>
      <translation>Anóni&amp;mo</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/form.py" line="78" />
      <source>Nothing identifying is stored: no name, phone, e-mail or address.</source>
      <translation>No se guarda nada que identifique: ni nombre, ni teléfono, ni correo electrónico, ni domicilio.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/form.py" line="80" />
      <source>Privacy:</source>
      <translation>Privacidad:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/form.py" line="82" />
      <source>Con&amp;fidential</source>
      <translation>Con&amp;fidencial</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/form.py" line="82" />
      <source>The name is withheld from public-records exports.</source>
      <translation>El nombre se oculta en las exportaciones para registros públicos.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/form.py" line="107" />
      <source>Choose a department</source>
      <translation>Elija un departamento</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/form.py" line="127" />
      <source>{0} — merged into {1}</source>
      <translation>{0} — fusionado con {1}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/merge.py" line="37" />
      <source>1 ticket of {0} moves to {1}; {0} is kept as merged.</source>
      <translation>1 ticket de {0} pasa a {1}; {0} se conserva como fusionado.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/merge.py" line="39" />
      <source>{2} tickets of {0} move to {1}; {0} is kept as merged.</source>
      <translation>{2} tickets de {0} pasan a {1}; {0} se conserva como fusionado.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/merge.py" line="58" />
      <source>Merge {0} into…</source>
      <translation>Fusionar {0} con…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/merge.py" line="59" />
      <source>Merge requesters</source>
      <translation>Fusionar solicitantes</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/merge.py" line="64" />
      <source>{0} is a duplicate. Find the record to keep: their tickets move to it.</source>
      <translation>{0} es un duplicado. Busque el registro que se conserva: sus tickets pasan a él.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/merge.py" line="69" />
      <source>Find the requester to keep</source>
      <translation>Buscar el solicitante que se conserva</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/merge.py" line="69" />
      <source>Name, phone or e-mail</source>
      <translation>Nombre, teléfono o correo electrónico</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/merge.py" line="70" />
      <source>&amp;Find:</source>
      <translation>&amp;Buscar:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/merge.py" line="72" />
      <source>Requesters to keep</source>
      <translation>Solicitantes que se pueden conservar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/merge.py" line="74" />
      <source>&amp;Keep:</source>
      <translation>&amp;Conservar:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/merge.py" line="76" />
      <location filename="../../src/citydesk/ui/requesters/merge.py" line="159" />
      <source>Choose the requester to keep.</source>
      <translation>Elija el solicitante que se conserva.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/merge.py" line="78" />
      <source>What the merge does</source>
      <translation>Qué hace la fusión</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/merge.py" line="85" />
      <source>&amp;Merge</source>
      <translation>&amp;Fusionar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/merge.py" line="85" />
      <source>Ctrl+Enter</source>
      <translation>Ctrl+Intro</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/merge.py" line="123" />
      <source>Nobody else matches “{0}”.</source>
      <translation>Nadie más coincide con «{0}».</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/merge.py" line="142" />
      <source>Counting the tickets that move…</source>
      <translation>Contando los tickets que pasan…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/merge.py" line="179" />
      <source>Merged {0} into {1}; tickets moved: {2}</source>
      <translation>Se fusionó {0} con {1}; tickets movidos: {2}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/models.py" line="53" />
      <source>Staff ({0})</source>
      <translation>Personal ({0})</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/models.py" line="53" />
      <source>Staff</source>
      <translation>Personal</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/models.py" line="54" />
      <source>Citizen</source>
      <translation>Ciudadano</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/models.py" line="91" />
      <source>loading</source>
      <translation>cargando</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/window.py" line="89" />
      <source>Requesters — citydesk</source>
      <translation>Solicitantes — citydesk</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/window.py" line="90" />
      <source>Requesters</source>
      <translation>Solicitantes</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/window.py" line="114" />
      <location filename="../../src/citydesk/ui/requesters/window.py" line="192" />
      <source>Find a requester</source>
      <translation>Buscar un solicitante</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/window.py" line="115" />
      <source>Find a requester: name, phone or e-mail (Ctrl+F)</source>
      <translation>Buscar un solicitante: nombre, teléfono o correo electrónico (Ctrl+F)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/window.py" line="117" />
      <location filename="../../src/citydesk/ui/requesters/window.py" line="125" />
      <source>Requesters found</source>
      <translation>Solicitantes encontrados</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/window.py" line="134" />
      <source>&amp;Save</source>
      <translation>&amp;Guardar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/window.py" line="135" />
      <location filename="../../src/citydesk/ui/requesters/window.py" line="193" />
      <source>Save requester</source>
      <translation>Guardar solicitante</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/window.py" line="136" />
      <source>Ctrl+S or Ctrl+Enter</source>
      <translation>Ctrl+S o Ctrl+Intro</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/window.py" line="138" />
      <source>&amp;Merge into…</source>
      <translation>&amp;Fusionar con…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/window.py" line="139" />
      <source>Merge into another requester</source>
      <translation>Fusionar con otro solicitante</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/window.py" line="140" />
      <source>Ctrl+M: this requester is a duplicate of another</source>
      <translation>Ctrl+M: este solicitante es un duplicado de otro</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/window.py" line="151" />
      <source>Tickets of this requester</source>
      <translation>Tickets de este solicitante</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/window.py" line="152" />
      <source>Enter opens the ticket in the main window</source>
      <translation>Intro abre el ticket en la ventana principal</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/window.py" line="194" />
      <source>Merge into…</source>
      <translation>Fusionar con…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/window.py" line="213" />
      <source>{0} requesters</source>
      <translation>{0} solicitantes</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/window.py" line="213" />
      <source>1 requester</source>
      <translation>1 solicitante</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/window.py" line="253" />
      <source>Your unsaved changes to {0} are back; Ctrl+S saves them.</source>
      <translation>Sus cambios sin guardar de {0} están de vuelta; Ctrl+S los guarda.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/window.py" line="256" />
      <source>Tickets ({0})</source>
      <translation>Tickets ({0})</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/window.py" line="290" />
      <source>Requester {0} saved</source>
      <translation>Solicitante {0} guardado</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/window.py" line="290" />
      <source>(no name)</source>
      <translation>(sin nombre)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/requesters/window.py" line="299" />
      <source>Not saved: {0}</source>
      <translation>No se guardó: {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="28" />
      <source>New</source>
      <translation>Nuevo</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="29" />
      <source>Assigned</source>
      <translation>Asignado</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="30" />
      <source>In progress</source>
      <translation>En curso</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="31" />
      <source>Waiting for the requester</source>
      <translation>En espera del solicitante</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="32" />
      <source>Waiting for a vendor</source>
      <translation>En espera de un proveedor</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="33" />
      <source>Waiting for parts</source>
      <translation>En espera de piezas</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="34" />
      <source>Resolved</source>
      <translation>Resuelto</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="35" />
      <source>Closed</source>
      <translation>Cerrado</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="38" />
      <source>P1 Critical</source>
      <translation>P1 Crítica</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="39" />
      <source>P2 High</source>
      <translation>P2 Alta</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="40" />
      <source>P3 Normal</source>
      <translation>P3 Normal</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="41" />
      <source>Ops (planned work)</source>
      <translation>Ops (trabajo planificado)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="44" />
      <source>Service down or security breach: dispatch now, page the on-call person, around the clock.</source>
      <translation>Servicio caído o brecha de seguridad: enviar ya, avisar a la persona de guardia, a cualquier hora.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="47" />
      <source>Degraded or important: handle the same business day.</source>
      <translation>Degradado o importante: atender el mismo día hábil.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="48" />
      <source>Normal request: done within the category's target number of business days.</source>
      <translation>Solicitud normal: se resuelve dentro del plazo en días hábiles de la categoría.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="51" />
      <source>Planned operational work (patches, backup checks, upgrades), counted apart from requests.</source>
      <translation>Trabajo operativo planificado (parches, comprobación de copias de seguridad, actualizaciones), contado aparte de las solicitudes.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="57" />
      <source>Walk-in</source>
      <translation>Presencial</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="59" />
      <source>Web</source>
      <translation>Web</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="60" />
      <source>Intranet</source>
      <translation>Intranet</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="61" />
      <source>Internal</source>
      <translation>Interno</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="62" />
      <source>After-hours dispatch</source>
      <translation>Despacho fuera de horario</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="67" />
      <source>W (Walk-in)</source>
      <translation>P (Presencial)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="68" />
      <source>P (Phone)</source>
      <translation>T (Teléfono)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="69" />
      <source>E (E-mail)</source>
      <translation>C (Correo electrónico)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="70" />
      <source>B (Web)</source>
      <translation>W (Web)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="71" />
      <source>T (Intranet)</source>
      <translation>N (iNtranet)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="72" />
      <source>I (Internal)</source>
      <translation>I (Interno)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="73" />
      <source>A (After-hours dispatch)</source>
      <translation>F (Fuera de horario)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="78" />
      <source>Letter</source>
      <translation>Carta</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="79" />
      <source>No reply wanted</source>
      <translation>No quiere respuesta</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="82" />
      <source>Done</source>
      <translation>Hecho</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="83" />
      <source>Duplicate of another request</source>
      <translation>Duplicado de otra solicitud</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="84" />
      <source>Referred to another agency</source>
      <translation>Remitido a otro organismo</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="85" />
      <source>Not a city matter</source>
      <translation>No es asunto de la ciudad</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="86" />
      <source>Could not locate</source>
      <translation>No se pudo localizar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="87" />
      <source>Void (entered by mistake)</source>
      <translation>Anulado (ingresado por error)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="90" />
      <source>Clerk</source>
      <translation>Empleado de mostrador</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="91" />
      <source>Technician</source>
      <translation>Técnico</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="92" />
      <source>Supervisor</source>
      <translation>Supervisor</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="93" />
      <source>Admin</source>
      <translation>Administrador</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="94" />
      <source>System</source>
      <translation>Sistema</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="98" />
      <source>City staff member</source>
      <translation>Empleado de la ciudad</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="101" />
      <source>English</source>
      <translation>Inglés</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="102" />
      <source>Spanish</source>
      <translation>Español</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="194" />
      <source>1 minute</source>
      <translation>1 minuto</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="194" />
      <source>{0} minutes</source>
      <translation>{0} minutos</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="193" />
      <source>1 hour</source>
      <translation>1 hora</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="193" />
      <source>{0} hours</source>
      <translation>{0} horas</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="191" />
      <source>{0} days</source>
      <translation>{0} días</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="178" />
      <source>Reported by 1 person</source>
      <translation>Informado por 1 persona</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="178" />
      <source>Reported by {0} people</source>
      <translation>Informado por {0} personas</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="167" />
      <source>en</source>
      <translation>es</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="183" />
      <source>1 person</source>
      <translation>1 persona</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="183" />
      <source>{0} people</source>
      <translation>{0} personas</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="191" />
      <source>1 day</source>
      <translation>1 día</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="200" />
      <source>just now</source>
      <translation>justo ahora</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="201" />
      <source>{0} ago</source>
      <translation>hace {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="206" />
      <location filename="../../src/citydesk/ui/words.py" line="237" />
      <source>ddd d MMM yyyy</source>
      <translation>ddd d 'de' MMM 'de' yyyy</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="211" />
      <source>d MMM yyyy</source>
      <translation>d MMM yyyy</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="216" />
      <source>ddd dd MMM</source>
      <translation>ddd dd MMM</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="221" />
      <source>dddd, MMMM d, yyyy</source>
      <translation>dddd, d 'de' MMMM 'de' yyyy</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="226" />
      <source>dddd, MMMM d</source>
      <translation>dddd, d 'de' MMMM</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="232" />
      <source>ddd d MMM yyyy, h:mm AP</source>
      <translation>ddd d 'de' MMM 'de' yyyy, H:mm</translation>
    </message>
  </context>
  <context>
    <name>ResolveDialog</name>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="158" />
      <source>Resolve</source>
      <translation>Resolver</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="159" />
      <source>Reason</source>
      <translation>Motivo</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="162" />
      <source>&amp;Reason:</source>
      <translation>&amp;Motivo:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="163" />
      <source>Duplicate of ticket number</source>
      <translation>Duplicado del ticket número</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="165" />
      <source>&amp;Duplicate of (number):</source>
      <translation>&amp;Duplicado de (número):</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="175" />
      <source>Agency referred to</source>
      <translation>Organismo al que se remite</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="175" />
      <source>County Health Department</source>
      <translation>Departamento de Salud del Condado</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="177" />
      <source>&amp;Agency:</source>
      <translation>&amp;Organismo:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="179" />
      <source>Note to the requester (public)</source>
      <translation>Nota para el solicitante (pública)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="180" />
      <source>What was done, in words the requester understands</source>
      <translation>Lo que se hizo, con palabras que el solicitante entienda</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="182" />
      <source>&amp;Note to the requester (public):</source>
      <translation>&amp;Nota para el solicitante (pública):</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="185" />
      <source>This note is public: every reporter ({0}) should be told it.</source>
      <translation>Esta nota es pública: hay que comunicársela a cada informante ({0}).</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="220" />
      <source>{0} resolved: {1}</source>
      <translation>{0} resuelto: {1}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="64" />
      <source>Ctrl+Enter</source>
      <translation>Ctrl+Intro</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="76" />
      <source>{0} updated</source>
      <translation>{0} actualizado</translation>
    </message>
  </context>
  <context>
    <name>SavingMixin</name>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_save.py" line="44" />
      <source>Choose the requester from the list, or Alt+W to enter a new one.</source>
      <translation>Elija al solicitante de la lista, o Alt+W para escribir uno nuevo.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_save.py" line="47" />
      <source>Find the requester, or Alt+W for a new one (it may be anonymous).</source>
      <translation>Busque al solicitante, o Alt+W para uno nuevo (puede ser anónimo).</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_save.py" line="57" />
      <source>Choose a category from the list (type a word such as “light”).</source>
      <translation>Elija una categoría de la lista (escriba una palabra como «farola»).</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_save.py" line="82" />
      <source>Already saved as {0}. Ctrl+N starts the next request.</source>
      <translation>Ya se guardó como {0}. Ctrl+N empieza la siguiente solicitud.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_save.py" line="108" />
      <source>No ticket to add the caller to: nothing similar is open.</source>
      <translation>No hay ticket al que añadir a la persona: no hay nada parecido abierto.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_save.py" line="140" />
      <source>Added the caller to {0}: {1}.</source>
      <translation>Se añadió a la persona a {0}: {1}.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_save.py" line="146" />
      <source> Expected by {0}.</source>
      <translation> Prevista para el {0}.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/intake_save.py" line="150" />
      <source>Saved as {0}.{1}</source>
      <translation>Guardada como {0}.{1}</translation>
    </message>
  </context>
  <context>
    <name>ScheduleBridge</name>
    <message>
      <location filename="../../src/citydesk/ui/reports/schedule_bridge.py" line="69" />
      <location filename="../../src/citydesk/ui/reports/schedule_bridge.py" line="76" />
      <location filename="../../src/citydesk/ui/reports/schedule_bridge.py" line="81" />
      <location filename="../../src/citydesk/ui/reports/schedule_bridge.py" line="113" />
      <source>Weekly report</source>
      <translation>Informe semanal</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/schedule_bridge.py" line="70" />
      <source>The weekly report for {0} ({1}) was written to {2}.</source>
      <translation>El informe semanal de {0} ({1}) se escribió en {2}.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/schedule_bridge.py" line="90" />
      <source>The weekly report was not printed: no printer is set up on this PC. It is saved at {0}.</source>
      <translation>El informe semanal no se imprimió: no hay ninguna impresora configurada en este equipo. Está guardado en {0}.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/schedule_bridge.py" line="114" />
      <source>{0} It is saved at {1}.</source>
      <translation>{0} Está guardado en {1}.</translation>
    </message>
  </context>
  <context>
    <name>ScheduleDialog</name>
    <message>
      <location filename="../../src/citydesk/ui/reports/schedule_dialog.py" line="53" />
      <location filename="../../src/citydesk/ui/reports/schedule_dialog.py" line="54" />
      <source>Weekly report schedule</source>
      <translation>Programación del informe semanal</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/schedule_dialog.py" line="58" />
      <source>This PC can write last week's status report every week, as a PDF in a folder, and print it. Turn it on at one office per city. If the PC is off at that time, the report is written when citydesk next starts — never twice for the same week.</source>
      <translation>Este equipo puede escribir cada semana el informe de estado de la semana anterior, como PDF en una carpeta, e imprimirlo. Actívelo en una sola oficina por ciudad. Si el equipo está apagado a esa hora, el informe se escribe la próxima vez que se inicie citydesk, nunca dos veces para la misma semana.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/schedule_dialog.py" line="65" />
      <source>&amp;Write the weekly report on this PC</source>
      <translation>&amp;Escribir el informe semanal en este equipo</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/schedule_dialog.py" line="66" />
      <source>Write the weekly report on this PC</source>
      <translation>Escribir el informe semanal en este equipo</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/schedule_dialog.py" line="68" />
      <source>Day of the week</source>
      <translation>Día de la semana</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/schedule_dialog.py" line="71" />
      <source>&amp;Day:</source>
      <translation>&amp;Día:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/schedule_dialog.py" line="74" />
      <source>Time (city time)</source>
      <translation>Hora (hora de la ciudad)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/schedule_dialog.py" line="75" />
      <source>&amp;Time (city time):</source>
      <translation>&amp;Hora (hora de la ciudad):</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/schedule_dialog.py" line="76" />
      <location filename="../../src/citydesk/ui/reports/schedule_dialog.py" line="86" />
      <source>Folder</source>
      <translation>Carpeta</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/schedule_dialog.py" line="76" />
      <source>Where the PDF files go</source>
      <translation>Dónde se guardan los PDF</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/schedule_dialog.py" line="77" />
      <source>&amp;Browse…</source>
      <translation>E&amp;xaminar…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/schedule_dialog.py" line="78" />
      <source>Choose the folder</source>
      <translation>Elegir la carpeta</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/schedule_dialog.py" line="87" />
      <source>&amp;Folder:</source>
      <translation>&amp;Carpeta:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/schedule_dialog.py" line="89" />
      <source>Scope</source>
      <translation>Alcance</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/schedule_dialog.py" line="92" />
      <source>&amp;Scope:</source>
      <translation>Al&amp;cance:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/schedule_dialog.py" line="93" />
      <source>Paper size</source>
      <translation>Tamaño del papel</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/schedule_dialog.py" line="96" />
      <source>&amp;Paper:</source>
      <translation>&amp;Papel:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/schedule_dialog.py" line="97" />
      <source>Also &amp;print it on the default printer</source>
      <translation>&amp;Imprimirlo también en la impresora predeterminada</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/schedule_dialog.py" line="98" />
      <source>Also print it on the default printer</source>
      <translation>Imprimirlo también en la impresora predeterminada</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/schedule_dialog.py" line="100" />
      <source>Report language (whole city)</source>
      <translation>Idioma de los informes (toda la ciudad)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/schedule_dialog.py" line="105" />
      <source>The weekly report's headings and the CSV exports' column headings, on every PC.</source>
      <translation>Los títulos del informe semanal y los encabezados de columna de las exportaciones CSV, en todos los equipos.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/schedule_dialog.py" line="106" />
      <source>Only an administrator changes the city's report language.</source>
      <translation>Solo un administrador cambia el idioma de los informes de la ciudad.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/schedule_dialog.py" line="109" />
      <source>Report &amp;language (whole city):</source>
      <translation>&amp;Idioma de los informes (toda la ciudad):</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/schedule_dialog.py" line="114" />
      <source>Schedule status</source>
      <translation>Estado de la programación</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/schedule_dialog.py" line="121" />
      <location filename="../../src/citydesk/ui/reports/schedule_dialog.py" line="122" />
      <source>Save</source>
      <translation>Guardar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/schedule_dialog.py" line="124" />
      <location filename="../../src/citydesk/ui/reports/schedule_dialog.py" line="125" />
      <source>Cancel</source>
      <translation>Cancelar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/schedule_dialog.py" line="158" />
      <source>none yet</source>
      <translation>ninguna todavía</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/schedule_dialog.py" line="160" />
      <source>{0} Last week written by the schedule: {1}.</source>
      <translation>{0} Última semana escrita por la programación: {1}.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/reports/schedule_dialog.py" line="179" />
      <source>Folder for the weekly report</source>
      <translation>Carpeta del informe semanal</translation>
    </message>
  </context>
  <context>
    <name>ScheduleVisitDialog</name>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="100" />
      <source>Schedule a visit</source>
      <translation>Programar una visita</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="100" />
      <source>Schedule visit</source>
      <translation>Programar visita</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="113" />
      <source>&amp;Date ({0}):</source>
      <translation>&amp;Fecha ({0}):</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="116" />
      <source>&amp;Time ({0}):</source>
      <translation>&amp;Hora ({0}):</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="117" />
      <source>Type the date as {0}, Tab, then the time as HH:MM (24-hour, city time); ↑ and ↓ change the part under the cursor.</source>
      <translation>Escriba la fecha como {0}, Tab, y luego la hora como HH:MM (24 horas, hora de la ciudad); ↑ y ↓ cambian la parte bajo el cursor.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="123" />
      <source>Place</source>
      <translation>Lugar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="124" />
      <source>&amp;Place:</source>
      <translation>&amp;Lugar:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="125" />
      <source>Note for the visit</source>
      <translation>Nota para la visita</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="125" />
      <source>Optional</source>
      <translation>Opcional</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="126" />
      <source>&amp;Note:</source>
      <translation>&amp;Nota:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="145" />
      <source>Visit on {0} scheduled for {1}</source>
      <translation>Visita de {0} programada para el {1}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="64" />
      <source>Ctrl+Enter</source>
      <translation>Ctrl+Intro</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="76" />
      <source>{0} updated</source>
      <translation>{0} actualizado</translation>
    </message>
  </context>
  <context>
    <name>SearchState</name>
    <message>
      <location filename="../../src/citydesk/ui/search_state.py" line="22" />
      <source>1 ticket found</source>
      <translation>1 ticket encontrado</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/search_state.py" line="23" />
      <source>{0} tickets found</source>
      <translation>{0} tickets encontrados</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/search_state.py" line="28" />
      <source>open tickets only</source>
      <translation>solo tickets abiertos</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/search_state.py" line="28" />
      <source>all tickets</source>
      <translation>todos los tickets</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/search_state.py" line="29" />
      <source>Search results for “{0}” ({1}): {2} — Esc goes back to {3}</source>
      <translation>Resultados de la búsqueda de «{0}» ({1}): {2} — Esc vuelve a {3}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/search_state.py" line="46" />
      <source>&amp;Open only</source>
      <translation>Solo a&amp;biertos</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/search_state.py" line="47" />
      <source>Open only (searches list open tickets only)</source>
      <translation>Solo abiertos (las búsquedas muestran solo tickets abiertos)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/search_state.py" line="48" />
      <source>Searches list open tickets only (remembered)</source>
      <translation>Las búsquedas muestran solo tickets abiertos (se recuerda)</translation>
    </message>
  </context>
  <context>
    <name>ServiceDialog</name>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="64" />
      <source>Ctrl+Enter</source>
      <translation>Ctrl+Intro</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="76" />
      <source>{0} updated</source>
      <translation>{0} actualizado</translation>
    </message>
  </context>
  <context>
    <name>SignInDialog</name>
    <message>
      <location filename="../../src/citydesk/ui/signin.py" line="62" />
      <source>Sign in — citydesk</source>
      <translation>Iniciar sesión — citydesk</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/signin.py" line="63" />
      <location filename="../../src/citydesk/ui/signin.py" line="83" />
      <location filename="../../src/citydesk/ui/signin.py" line="85" />
      <location filename="../../src/citydesk/ui/signin.py" line="250" />
      <source>Sign in</source>
      <translation>Iniciar sesión</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/signin.py" line="66" />
      <source>Loading the people of this office…</source>
      <translation>Cargando las personas de esta oficina…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/signin.py" line="88" />
      <location filename="../../src/citydesk/ui/signin.py" line="89" />
      <source>Quit</source>
      <translation>Salir</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/signin.py" line="108" />
      <source>Who are you?</source>
      <translation>¿Quién es usted?</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/signin.py" line="109" />
      <source>Type the first letters of your name to jump to it.</source>
      <translation>Escriba las primeras letras de su nombre para ir a él.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/signin.py" line="114" />
      <source>&amp;Who are you?</source>
      <translation>¿&amp;Quién es usted?</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/signin.py" line="117" />
      <source>Password</source>
      <translation>Contraseña</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/signin.py" line="119" />
      <source>&amp;Password:</source>
      <translation>&amp;Contraseña:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/signin.py" line="121" />
      <source>Type the first letters of your name, press Enter, then type your password.</source>
      <translation>Escriba las primeras letras de su nombre, pulse Intro y luego escriba su contraseña.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/signin.py" line="134" />
      <source>This is a demo database: a made-up city with made-up requests. No password is needed; choose whose work you want to see.</source>
      <translation>Esta es una base de datos de demostración: una ciudad inventada con solicitudes inventadas. No hace falta contraseña; elija de quién quiere ver el trabajo.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/signin.py" line="140" />
      <source>&amp;Sign in as:</source>
      <translation>&amp;Iniciar sesión como:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/signin.py" line="145" />
      <source>Sign in as</source>
      <translation>Iniciar sesión como</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/signin.py" line="148" />
      <source>Demo staff grouped by role. Type a name to jump to it.</source>
      <translation>Personal de demostración agrupado por función. Escriba un nombre para ir a él.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/signin.py" line="162" />
      <source>this office</source>
      <translation>esta oficina</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/signin.py" line="164" />
      <source>Nobody can sign in here yet.</source>
      <translation>Todavía nadie puede iniciar sesión aquí.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/signin.py" line="167" />
      <source>This database has no users. Ask the city's administrator to add you.</source>
      <translation>Esta base de datos no tiene usuarios. Pida al administrador de la ciudad que lo agregue.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/signin.py" line="171" />
      <source>Try citydesk — {0} (demo)</source>
      <translation>Pruebe citydesk — {0} (demostración)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/signin.py" line="176" />
      <source>Sign in to citydesk — {0}</source>
      <translation>Iniciar sesión en citydesk — {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/signin.py" line="209" />
      <source>The people of this office could not be loaded.</source>
      <translation>No se pudieron cargar las personas de esta oficina.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/signin.py" line="214" />
      <source>Clerk</source>
      <translation>Empleado de mostrador</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/signin.py" line="215" />
      <source>Technician</source>
      <translation>Técnico</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/signin.py" line="216" />
      <source>Supervisor</source>
      <translation>Supervisor</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/signin.py" line="217" />
      <source>Administrator</source>
      <translation>Administrador</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/signin.py" line="223" />
      <source>Clerks — log requests at the counter and on the phone</source>
      <translation>Empleados de mostrador — registran solicitudes en el mostrador y por teléfono</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/signin.py" line="224" />
      <source>Technicians — work the tickets</source>
      <translation>Técnicos — trabajan los tickets</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/signin.py" line="225" />
      <source>Supervisors — assign, reopen, see the load</source>
      <translation>Supervisores — asignan, reabren, ven la carga de trabajo</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/signin.py" line="226" />
      <source>Administrators — users, offices and settings</source>
      <translation>Administradores — usuarios, oficinas y configuración</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/signin.py" line="250" />
      <source>Sign in as {0}</source>
      <translation>Iniciar sesión como {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/signin.py" line="288" />
      <source>Type your password.</source>
      <translation>Escriba su contraseña.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/signin.py" line="306" />
      <source>{0} has no password on this PC yet. Ask the administrator to set one.</source>
      <translation>{0} todavía no tiene contraseña en este equipo. Pida al administrador que le asigne una.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/signin.py" line="308" />
      <source>That password is not right for {0}. Check Caps Lock and try again.</source>
      <translation>Esa contraseña no es correcta para {0}. Revise las mayúsculas (Bloq Mayús) e inténtelo de nuevo.</translation>
    </message>
  </context>
  <context>
    <name>StatusMessage</name>
    <message>
      <location filename="../../src/citydesk/ui/status_message.py" line="38" />
      <source>Status message</source>
      <translation>Mensaje de estado</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/status_message.py" line="88" />
      <source>⚠ Error: {0}</source>
      <translation>⚠ Error: {0}</translation>
    </message>
  </context>
  <context>
    <name>StatusQuestion</name>
    <message>
      <location filename="../../src/citydesk/ui/counter/status.py" line="49" />
      <source>In English</source>
      <translation>En inglés</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/status.py" line="50" />
      <source>In Spanish</source>
      <translation>En español</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/status.py" line="88" />
      <source>matched by phone</source>
      <translation>encontrado por teléfono</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/status.py" line="89" />
      <source>matched by e-mail</source>
      <translation>encontrado por correo electrónico</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/status.py" line="90" />
      <source>matched by name</source>
      <translation>encontrado por nombre</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/status.py" line="99" />
      <source>{0} ({1})</source>
      <translation>{0} ({1})</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/status.py" line="107" />
      <source>no date set yet</source>
      <translation>todavía sin fecha</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/status.py" line="110" />
      <source>by {0} — it is late; apologise and say it is being followed up.</source>
      <translation>para el {0} — va con retraso; discúlpese y diga que se le está dando seguimiento.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/status.py" line="111" />
      <source>by {0}</source>
      <translation>para el {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/status.py" line="124" />
      <source>{0}: “{1}.”</source>
      <translation>{0}: «{1}».</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/status.py" line="131" />
      <source>Expected</source>
      <translation>Previsto</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/status.py" line="131" />
      <source>Resolved</source>
      <translation>Resuelto</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/status.py" line="132" />
      <source>Visit scheduled</source>
      <translation>Visita programada</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/status.py" line="135" />
      <source>Asked for on</source>
      <translation>Solicitado el</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/status.py" line="135" />
      <source>Category</source>
      <translation>Categoría</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/status.py" line="136" />
      <source>Location</source>
      <translation>Lugar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/status.py" line="136" />
      <source>Reported by</source>
      <translation>Informado por</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/status.py" line="137" />
      <source>Caller</source>
      <translation>Quien llama</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/status.py" line="139" />
      <source>What we can tell the caller</source>
      <translation>Lo que podemos decirle a la persona</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/status.py" line="148" />
      <source>No public notes yet.</source>
      <translation>Todavía no hay notas públicas.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="28" />
      <source>New</source>
      <translation>Nuevo</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="29" />
      <source>Assigned</source>
      <translation>Asignado</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="30" />
      <source>In progress</source>
      <translation>En curso</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="31" />
      <source>Waiting for the requester</source>
      <translation>En espera del solicitante</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="32" />
      <source>Waiting for a vendor</source>
      <translation>En espera de un proveedor</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="33" />
      <source>Waiting for parts</source>
      <translation>En espera de piezas</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="35" />
      <source>Closed</source>
      <translation>Cerrado</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="38" />
      <source>P1 Critical</source>
      <translation>P1 Crítica</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="39" />
      <source>P2 High</source>
      <translation>P2 Alta</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="40" />
      <source>P3 Normal</source>
      <translation>P3 Normal</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="41" />
      <source>Ops (planned work)</source>
      <translation>Ops (trabajo planificado)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="44" />
      <source>Service down or security breach: dispatch now, page the on-call person, around the clock.</source>
      <translation>Servicio caído o brecha de seguridad: enviar ya, avisar a la persona de guardia, a cualquier hora.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="47" />
      <source>Degraded or important: handle the same business day.</source>
      <translation>Degradado o importante: atender el mismo día hábil.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="48" />
      <source>Normal request: done within the category's target number of business days.</source>
      <translation>Solicitud normal: se resuelve dentro del plazo en días hábiles de la categoría.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="51" />
      <source>Planned operational work (patches, backup checks, upgrades), counted apart from requests.</source>
      <translation>Trabajo operativo planificado (parches, comprobación de copias de seguridad, actualizaciones), contado aparte de las solicitudes.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="56" />
      <location filename="../../src/citydesk/ui/words.py" line="76" />
      <source>Phone</source>
      <translation>Teléfono</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="57" />
      <source>Walk-in</source>
      <translation>Presencial</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="58" />
      <location filename="../../src/citydesk/ui/words.py" line="77" />
      <source>E-mail</source>
      <translation>Correo electrónico</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="59" />
      <source>Web</source>
      <translation>Web</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="60" />
      <source>Intranet</source>
      <translation>Intranet</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="61" />
      <source>Internal</source>
      <translation>Interno</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="62" />
      <source>After-hours dispatch</source>
      <translation>Despacho fuera de horario</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="67" />
      <source>W (Walk-in)</source>
      <translation>P (Presencial)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="68" />
      <source>P (Phone)</source>
      <translation>T (Teléfono)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="69" />
      <source>E (E-mail)</source>
      <translation>C (Correo electrónico)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="70" />
      <source>B (Web)</source>
      <translation>W (Web)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="71" />
      <source>T (Intranet)</source>
      <translation>N (iNtranet)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="72" />
      <source>I (Internal)</source>
      <translation>I (Interno)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="73" />
      <source>A (After-hours dispatch)</source>
      <translation>F (Fuera de horario)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="78" />
      <source>Letter</source>
      <translation>Carta</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="79" />
      <source>No reply wanted</source>
      <translation>No quiere respuesta</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="82" />
      <source>Done</source>
      <translation>Hecho</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="83" />
      <source>Duplicate of another request</source>
      <translation>Duplicado de otra solicitud</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="84" />
      <source>Referred to another agency</source>
      <translation>Remitido a otro organismo</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="85" />
      <source>Not a city matter</source>
      <translation>No es asunto de la ciudad</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="86" />
      <source>Could not locate</source>
      <translation>No se pudo localizar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="87" />
      <source>Void (entered by mistake)</source>
      <translation>Anulado (ingresado por error)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="90" />
      <source>Clerk</source>
      <translation>Empleado de mostrador</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="91" />
      <source>Technician</source>
      <translation>Técnico</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="92" />
      <source>Supervisor</source>
      <translation>Supervisor</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="93" />
      <source>Admin</source>
      <translation>Administrador</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="94" />
      <source>System</source>
      <translation>Sistema</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="97" />
      <source>Citizen</source>
      <translation>Ciudadano</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="98" />
      <source>City staff member</source>
      <translation>Empleado de la ciudad</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="101" />
      <source>English</source>
      <translation>Inglés</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="102" />
      <source>Spanish</source>
      <translation>Español</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="194" />
      <source>1 minute</source>
      <translation>1 minuto</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="194" />
      <source>{0} minutes</source>
      <translation>{0} minutos</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="193" />
      <source>1 hour</source>
      <translation>1 hora</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="193" />
      <source>{0} hours</source>
      <translation>{0} horas</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="191" />
      <source>{0} days</source>
      <translation>{0} días</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="178" />
      <source>Reported by 1 person</source>
      <translation>Informado por 1 persona</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="178" />
      <source>Reported by {0} people</source>
      <translation>Informado por {0} personas</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="167" />
      <source>en</source>
      <translation>es</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="183" />
      <source>1 person</source>
      <translation>1 persona</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="183" />
      <source>{0} people</source>
      <translation>{0} personas</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="191" />
      <source>1 day</source>
      <translation>1 día</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="200" />
      <source>just now</source>
      <translation>justo ahora</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="201" />
      <source>{0} ago</source>
      <translation>hace {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="206" />
      <location filename="../../src/citydesk/ui/words.py" line="237" />
      <source>ddd d MMM yyyy</source>
      <translation>ddd d 'de' MMM 'de' yyyy</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="211" />
      <source>d MMM yyyy</source>
      <translation>d MMM yyyy</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="216" />
      <source>ddd dd MMM</source>
      <translation>ddd dd MMM</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="221" />
      <source>dddd, MMMM d, yyyy</source>
      <translation>dddd, d 'de' MMMM 'de' yyyy</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="226" />
      <source>dddd, MMMM d</source>
      <translation>dddd, d 'de' MMMM</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="232" />
      <source>ddd d MMM yyyy, h:mm AP</source>
      <translation>ddd d 'de' MMM 'de' yyyy, H:mm</translation>
    </message>
  </context>
  <context>
    <name>StatusQuestionDialog</name>
    <message>
      <location filename="../../src/citydesk/ui/counter/status.py" line="163" />
      <location filename="../../src/citydesk/ui/counter/status.py" line="164" />
      <source>Status question</source>
      <translation>Consulta de estado</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/status.py" line="167" />
      <source>&amp;Number, name or phone:</source>
      <translation>&amp;Número, nombre o teléfono:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/status.py" line="169" />
      <source>Number, name or phone</source>
      <translation>Número, nombre o teléfono</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/status.py" line="170" />
      <source>CLK-ABC-000123, Jane Roe, 555 010 2000 — then Enter</source>
      <translation>CLK-ABC-000123, Jane Roe, 555 010 2000 — luego Intro</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/status.py" line="176" />
      <source>Matching requests</source>
      <translation>Solicitudes que coinciden</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/status.py" line="181" />
      <source>Status to read aloud</source>
      <translation>Estado para leer en voz alta</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/status.py" line="187" />
      <source>Type the request's number, the caller's name or phone number, then press Enter.</source>
      <translation>Escriba el número de la solicitud, el nombre o el teléfono de quien llama y pulse Intro.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/status.py" line="193" />
      <source>&amp;Asked by:</source>
      <translation>&amp;Canal de la consulta:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/status.py" line="194" />
      <source>Asked by (channel)</source>
      <translation>Canal de la consulta</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/status.py" line="196" />
      <source>&amp;Log this inquiry</source>
      <translation>&amp;Registrar esta consulta</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/status.py" line="197" />
      <source>Log this inquiry</source>
      <translation>Registrar esta consulta</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/status.py" line="198" />
      <source>Alt+L or Ctrl+L: counts in the weekly report</source>
      <translation>Alt+R o Ctrl+L: cuenta en el informe semanal</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/status.py" line="202" />
      <location filename="../../src/citydesk/ui/counter/status.py" line="203" />
      <source>Close</source>
      <translation>Cerrar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/status.py" line="215" />
      <source>Status question message</source>
      <translation>Mensaje de la consulta de estado</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/status.py" line="228" />
      <source>Type a request number, a name or a phone number.</source>
      <translation>Escriba un número de solicitud, un nombre o un número de teléfono.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/status.py" line="246" />
      <source>No request found for “{0}”.</source>
      <translation>No se encontró ninguna solicitud para «{0}».</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/status.py" line="265" />
      <source>One request mentions “{0}”: check it is the caller's, then press Enter</source>
      <translation>Una solicitud menciona «{0}»: compruebe que es la de quien llama y pulse Intro</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/status.py" line="268" />
      <source>{0} requests found; choose one and press Enter</source>
      <translation>Se encontraron {0} solicitudes; elija una y pulse Intro</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/status.py" line="303" />
      <source>{0}: {1}</source>
      <translation>{0}: {1}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/counter/status.py" line="317" />
      <location filename="../../src/citydesk/ui/counter/status.py" line="320" />
      <source>Status inquiry about {0} logged</source>
      <translation>Consulta de estado sobre {0} registrada</translation>
    </message>
  </context>
  <context>
    <name>SyncController</name>
    <message>
      <location filename="../../src/citydesk/ui/sync/controller.py" line="135" />
      <source>The demo database never syncs: it is for trying citydesk out.</source>
      <translation>La base de datos de demostración nunca se sincroniza: sirve para probar citydesk.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/controller.py" line="138" />
      <source>This database is not connected to the city's server.</source>
      <translation>Esta base de datos no está conectada al servidor de la ciudad.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/controller.py" line="146" />
      <source>A sync is already running.</source>
      <translation>Ya hay una sincronización en curso.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/controller.py" line="185" />
      <source>A change was refused</source>
      <translation>Se rechazó un cambio</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/controller.py" line="188" />
      <source>A ticket was changed differently in two places at the same time. A supervisor chooses which value stays in View → Conflicts.</source>
      <translation>Un ticket se cambió de forma distinta en dos lugares al mismo tiempo. Un supervisor elige qué valor se queda en Ver → Conflictos.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/controller.py" line="191" />
      <source>{0} conflicts: tickets were changed differently in two places at the same time. A supervisor chooses which values stay in View → Conflicts.</source>
      <translation>{0} conflictos: unos tickets se cambiaron de forma distinta en dos lugares al mismo tiempo. Un supervisor elige qué valores se quedan en Ver → Conflictos.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/controller.py" line="195" />
      <source>Conflicts</source>
      <translation>Conflictos</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/controller.py" line="198" />
      <source>Synced: {0} sent, {1} received.</source>
      <translation>Sincronizado: {0} enviados, {1} recibidos.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/controller.py" line="220" />
      <source>Sync</source>
      <translation>Sincronización</translation>
    </message>
  </context>
  <context>
    <name>SyncFileDialog</name>
    <message>
      <location filename="../../src/citydesk/ui/sync_file/dialog.py" line="58" />
      <location filename="../../src/citydesk/ui/sync_file/dialog.py" line="59" />
      <source>Sync by file</source>
      <translation>Sincronizar por archivo</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync_file/dialog.py" line="62" />
      <source>Use this when this office has no connection to the city's server.
1. Write this PC's changes to a file on a USB stick.
2. Take the stick to city hall; the administrator gives you a reply file on it.
3. Back here, read the reply: it brings everyone else's changes.</source>
      <translation>Use esto cuando esta oficina no tenga conexión con el servidor de la ciudad.
1. Escriba los cambios de este equipo en un archivo en una memoria USB.
2. Lleve la memoria a la alcaldía; el administrador le pone en ella un archivo de respuesta.
3. De vuelta aquí, lea la respuesta: trae los cambios de todos los demás.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync_file/dialog.py" line="69" />
      <source>Checking this PC…</source>
      <translation>Revisando este equipo…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync_file/dialog.py" line="71" />
      <source>Status</source>
      <translation>Estado</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync_file/dialog.py" line="73" />
      <source>&amp;Set up this PC for sync by file</source>
      <translation>&amp;Preparar este equipo para sincronizar por archivo</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync_file/dialog.py" line="74" />
      <source>Set up this PC for sync by file</source>
      <translation>Preparar este equipo para sincronizar por archivo</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync_file/dialog.py" line="76" />
      <source>While connected, registers this PC with the city's server for sync by file</source>
      <translation>Mientras hay conexión, registra este equipo en el servidor de la ciudad para sincronizar por archivo</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync_file/dialog.py" line="79" />
      <source>&amp;Write file for city hall…</source>
      <translation>&amp;Escribir archivo para la alcaldía…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync_file/dialog.py" line="80" />
      <location filename="../../src/citydesk/ui/sync_file/dialog.py" line="183" />
      <source>Write file for city hall</source>
      <translation>Escribir archivo para la alcaldía</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync_file/dialog.py" line="81" />
      <source>Saves this PC's unsent changes to a file</source>
      <translation>Guarda en un archivo los cambios no enviados de este equipo</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync_file/dialog.py" line="82" />
      <source>&amp;Read reply from city hall…</source>
      <translation>&amp;Leer la respuesta de la alcaldía…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync_file/dialog.py" line="83" />
      <location filename="../../src/citydesk/ui/sync_file/dialog.py" line="213" />
      <source>Read reply from city hall</source>
      <translation>Leer la respuesta de la alcaldía</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync_file/dialog.py" line="84" />
      <source>Applies the reply file the server wrote</source>
      <translation>Aplica el archivo de respuesta que escribió el servidor</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync_file/dialog.py" line="86" />
      <source>Progress reading the reply</source>
      <translation>Progreso de la lectura de la respuesta</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync_file/dialog.py" line="90" />
      <source>Result</source>
      <translation>Resultado</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync_file/dialog.py" line="95" />
      <source>&amp;Close</source>
      <translation>&amp;Cerrar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync_file/dialog.py" line="96" />
      <source>Close</source>
      <translation>Cerrar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync_file/dialog.py" line="128" />
      <source>This PC is not set up for sync by file yet. While it is connected to the city's server, set it up now; then it can carry its changes on a USB stick when the network is down.</source>
      <translation>Este equipo todavía no está preparado para sincronizar por archivo. Mientras está conectado al servidor de la ciudad, prepárelo ahora; así podrá llevar sus cambios en una memoria USB cuando no haya red.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync_file/dialog.py" line="135" />
      <source>This PC is not set up for sync by file. Ask the city's administrator for an enrolment file for it.</source>
      <translation>Este equipo no está preparado para sincronizar por archivo. Pida al administrador de la ciudad un archivo de inscripción para él.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync_file/dialog.py" line="140" />
      <source>Nothing on this PC waits to be sent.</source>
      <translation>No hay nada en este equipo esperando a enviarse.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync_file/dialog.py" line="141" />
      <source>1 change on this PC waits to be sent.</source>
      <translation>1 cambio de este equipo espera a enviarse.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync_file/dialog.py" line="142" />
      <source>{0} changes on this PC wait to be sent.</source>
      <translation>{0} cambios de este equipo esperan a enviarse.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync_file/dialog.py" line="144" />
      <source>The first reply brings a full copy of the city's data.</source>
      <translation>La primera respuesta trae una copia completa de los datos de la ciudad.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync_file/dialog.py" line="146" />
      <source>Last file written: {0}</source>
      <translation>Último archivo escrito: {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync_file/dialog.py" line="148" />
      <source>Last reply read: {0}</source>
      <translation>Última respuesta leída: {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync_file/dialog.py" line="167" />
      <source>Contacting the city's server…</source>
      <translation>Contactando con el servidor de la ciudad…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync_file/dialog.py" line="172" />
      <source>This PC can now sync with {0}'s server by file too.</source>
      <translation>Este equipo ahora también puede sincronizar por archivo con el servidor de {0}.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync_file/dialog.py" line="183" />
      <source>citydesk sync files (*.sync)</source>
      <translation>Archivos de sincronización de citydesk (*.sync)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync_file/dialog.py" line="192" />
      <source>Writing the file…</source>
      <translation>Escribiendo el archivo…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync_file/dialog.py" line="199" />
      <source>Wrote {1}: this PC has no new changes, so it only asks for everyone else's.</source>
      <translation>Se escribió {1}: este equipo no tiene cambios nuevos, así que solo pide los de los demás.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync_file/dialog.py" line="200" />
      <source>Wrote 1 change to {1}.</source>
      <translation>Se escribió 1 cambio en {1}.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync_file/dialog.py" line="201" />
      <source>Wrote {0} changes to {1}.</source>
      <translation>Se escribieron {0} cambios en {1}.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync_file/dialog.py" line="203" />
      <source>Take it to city hall and bring back the reply.</source>
      <translation>Llévelo a la alcaldía y traiga la respuesta.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync_file/dialog.py" line="214" />
      <source>citydesk reply files (*.reply);;All files (*)</source>
      <translation>Archivos de respuesta de citydesk (*.reply);;Todos los archivos (*)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync_file/dialog.py" line="226" />
      <source>Checking the reply…</source>
      <translation>Revisando la respuesta…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync_file/dialog.py" line="241" />
      <source>Reading the full copy…</source>
      <translation>Leyendo la copia completa…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync_file/dialog.py" line="241" />
      <source>Reading the changes…</source>
      <translation>Leyendo los cambios…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync_file/dialog.py" line="252" />
      <source>This PC had no changes to send.</source>
      <translation>Este equipo no tenía cambios que enviar.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync_file/dialog.py" line="253" />
      <source>City hall accepted 1 change from this PC.</source>
      <translation>La alcaldía aceptó 1 cambio de este equipo.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync_file/dialog.py" line="254" />
      <source>City hall accepted {0} changes from this PC.</source>
      <translation>La alcaldía aceptó {0} cambios de este equipo.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync_file/dialog.py" line="255" />
      <source>Nothing new from other offices.</source>
      <translation>Nada nuevo de otras oficinas.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync_file/dialog.py" line="256" />
      <source>1 change from other offices arrived.</source>
      <translation>Llegó 1 cambio de otras oficinas.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync_file/dialog.py" line="257" />
      <source>{0} changes from other offices arrived.</source>
      <translation>Llegaron {0} cambios de otras oficinas.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync_file/dialog.py" line="260" />
      <source>This PC now has a full copy of the city's data.</source>
      <translation>Este equipo ya tiene una copia completa de los datos de la ciudad.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync_file/dialog.py" line="262" />
      <source>A change was refused: {0} It is kept on this PC.</source>
      <translation>Se rechazó un cambio: {0} Se conserva en este equipo.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync_file/dialog.py" line="266" />
      <source>1 change waits for data not arrived yet.</source>
      <translation>1 cambio espera datos que aún no han llegado.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync_file/dialog.py" line="267" />
      <source>{0} changes wait for data not arrived yet.</source>
      <translation>{0} cambios esperan datos que aún no han llegado.</translation>
    </message>
  </context>
  <context>
    <name>SyncMessages</name>
    <message>
      <location filename="../../src/citydesk/ui/sync/messages.py" line="83" />
      <source>A change to a ticket</source>
      <translation>Un cambio en un ticket</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/messages.py" line="84" />
      <source>A new ticket</source>
      <translation>Un ticket nuevo</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/messages.py" line="85" />
      <source>A counted contact</source>
      <translation>Un contacto contado</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/messages.py" line="86" />
      <source>A change to a requester</source>
      <translation>Un cambio en un solicitante</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/messages.py" line="87" />
      <source>A change to an address</source>
      <translation>Un cambio en una dirección</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/messages.py" line="88" />
      <source>A change to a receipt text</source>
      <translation>Un cambio en un texto del comprobante</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/messages.py" line="29" />
      <source>Everything you did on this PC is kept here; nothing is lost.</source>
      <translation>Todo lo que hizo en este equipo se conserva aquí; no se pierde nada.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/messages.py" line="31" />
      <source>Another sync is running</source>
      <translation>Hay otra sincronización en curso</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/messages.py" line="31" />
      <source>Another sync of this database is running; citydesk tries again in a moment.</source>
      <translation>Hay otra sincronización de esta base de datos en curso; citydesk lo intentará de nuevo en un momento.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/messages.py" line="33" />
      <source>Sync stopped</source>
      <translation>Sincronización detenida</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/messages.py" line="33" />
      <source>The sync was stopped; what had arrived is saved.</source>
      <translation>Se detuvo la sincronización; lo que había llegado está guardado.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/messages.py" line="34" />
      <source>Not connected to the city's server</source>
      <translation>Sin conexión con el servidor de la ciudad</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/messages.py" line="35" />
      <source>This database is not connected to the city's server.</source>
      <translation>Esta base de datos no está conectada al servidor de la ciudad.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/messages.py" line="36" />
      <source>Offline: the server's certificate is not trusted</source>
      <translation>Sin conexión: el certificado del servidor no es de confianza</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/messages.py" line="37" />
      <source>This PC does not trust the city's server's security certificate, so nothing was sent. {0} Ask IT for the city's certificate file.</source>
      <translation>Este equipo no confía en el certificado de seguridad del servidor de la ciudad, así que no se envió nada. {0} Pida a Informática el archivo de certificado de la ciudad.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/messages.py" line="39" />
      <source>Offline: the server cannot be reached</source>
      <translation>Sin conexión: no se puede llegar al servidor</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/messages.py" line="40" />
      <source>The city's server cannot be reached right now (no network, or the server is down). {0} citydesk keeps trying and sends your changes when it can.</source>
      <translation>Ahora mismo no se puede llegar al servidor de la ciudad (no hay red, o el servidor no funciona). {0} citydesk sigue intentándolo y enviará sus cambios cuando pueda.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/messages.py" line="43" />
      <source>This PC may no longer sync</source>
      <translation>Este equipo ya no puede sincronizar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/messages.py" line="44" />
      <source>The city's server no longer accepts this PC (it was removed, or its access was withdrawn). {0} Changes not yet sent stay waiting here; save them with File → Save unsent changes…, and ask the city's administrator to connect this PC again: they are sent then.</source>
      <translation>El servidor de la ciudad ya no acepta este equipo (lo quitaron o le retiraron el acceso). {0} Los cambios aún no enviados siguen esperando aquí; guárdelos con Archivo → Guardar los cambios no enviados… y pida al administrador de la ciudad que vuelva a conectar este equipo: entonces se enviarán.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/messages.py" line="49" />
      <source>Update citydesk to send your changes</source>
      <translation>Actualice citydesk para enviar sus cambios</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/messages.py" line="50" />
      <source>This citydesk is older than the city's server accepts, so your changes wait on this PC (other offices' changes still arrive). {0} Ask IT to update citydesk.</source>
      <translation>Este citydesk es más antiguo de lo que acepta el servidor de la ciudad, así que sus cambios esperan en este equipo (los cambios de otras oficinas siguen llegando). {0} Pida a Informática que actualice citydesk.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/messages.py" line="54" />
      <source>Cannot sync: no keyring on this PC</source>
      <translation>No se puede sincronizar: no hay llavero en este equipo</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/messages.py" line="55" />
      <source>citydesk keeps this PC's server password only in the system's keyring, and none is available. {0} How to set one up: {1}</source>
      <translation>citydesk guarda la contraseña del servidor de este equipo solo en el llavero del sistema, y no hay ninguno disponible. {0} Cómo configurar uno: {1}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/messages.py" line="58" />
      <source>The last sync failed</source>
      <translation>Falló la última sincronización</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/messages.py" line="58" />
      <source>The sync did not finish: {0} {1}</source>
      <translation>La sincronización no terminó: {0} {1}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/messages.py" line="66" />
      <source>The server did not accept this code: it may be mistyped, already used or expired. Ask the city's administrator for a new one-time code.</source>
      <translation>El servidor no aceptó este código: puede estar mal escrito, ya usado o vencido. Pida al administrador de la ciudad un nuevo código de un solo uso.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/messages.py" line="68" />
      <source>This PC does not trust the server's security certificate. Ask IT for the city's certificate file, choose it under "Certificate file", then try again.</source>
      <translation>Este equipo no confía en el certificado de seguridad del servidor. Pida a Informática el archivo de certificado de la ciudad, elíjalo en «Archivo de certificado» e inténtelo de nuevo.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/messages.py" line="70" />
      <source>citydesk could not reach the server at {0}. Check the address, and that this PC is on the network (can it open web pages?), then try again.</source>
      <translation>citydesk no pudo llegar al servidor en {0}. Revise la dirección y que este equipo esté en la red (¿puede abrir páginas web?), e inténtelo de nuevo.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/messages.py" line="72" />
      <source>Too many codes were tried from this PC. Wait a few minutes, then try again.</source>
      <translation>Se probaron demasiados códigos desde este equipo. Espere unos minutos e inténtelo de nuevo.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/messages.py" line="73" />
      <source>This citydesk is older than the city's server accepts. Ask IT to update citydesk first.</source>
      <translation>Este citydesk es más antiguo de lo que acepta el servidor de la ciudad. Pida primero a Informática que actualice citydesk.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/messages.py" line="75" />
      <source>This PC has no safe place to keep its server password (the system's keyring), so the code was not used. How to set one up: {0}</source>
      <translation>Este equipo no tiene un lugar seguro donde guardar la contraseña del servidor (el llavero del sistema), así que no se usó el código. Cómo configurar uno: {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/messages.py" line="79" />
      <source>Connecting did not work: {0}</source>
      <translation>No se pudo conectar: {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/messages.py" line="95" />
      <source>A change</source>
      <translation>Un cambio</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/messages.py" line="96" />
      <source>{0} was refused by the city's server: {1}. It is kept on this PC.</source>
      <translation>{0}: el servidor de la ciudad lo rechazó ({1}). Se conserva en este equipo.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/messages.py" line="97" />
      <source>no reason given</source>
      <translation>sin motivo indicado</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="28" />
      <source>New</source>
      <translation>Nuevo</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="29" />
      <source>Assigned</source>
      <translation>Asignado</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="30" />
      <source>In progress</source>
      <translation>En curso</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="31" />
      <source>Waiting for the requester</source>
      <translation>En espera del solicitante</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="32" />
      <source>Waiting for a vendor</source>
      <translation>En espera de un proveedor</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="33" />
      <source>Waiting for parts</source>
      <translation>En espera de piezas</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="34" />
      <source>Resolved</source>
      <translation>Resuelto</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="35" />
      <source>Closed</source>
      <translation>Cerrado</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="38" />
      <source>P1 Critical</source>
      <translation>P1 Crítica</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="39" />
      <source>P2 High</source>
      <translation>P2 Alta</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="40" />
      <source>P3 Normal</source>
      <translation>P3 Normal</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="41" />
      <source>Ops (planned work)</source>
      <translation>Ops (trabajo planificado)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="44" />
      <source>Service down or security breach: dispatch now, page the on-call person, around the clock.</source>
      <translation>Servicio caído o brecha de seguridad: enviar ya, avisar a la persona de guardia, a cualquier hora.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="47" />
      <source>Degraded or important: handle the same business day.</source>
      <translation>Degradado o importante: atender el mismo día hábil.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="48" />
      <source>Normal request: done within the category's target number of business days.</source>
      <translation>Solicitud normal: se resuelve dentro del plazo en días hábiles de la categoría.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="51" />
      <source>Planned operational work (patches, backup checks, upgrades), counted apart from requests.</source>
      <translation>Trabajo operativo planificado (parches, comprobación de copias de seguridad, actualizaciones), contado aparte de las solicitudes.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="56" />
      <location filename="../../src/citydesk/ui/words.py" line="76" />
      <source>Phone</source>
      <translation>Teléfono</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="57" />
      <source>Walk-in</source>
      <translation>Presencial</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="58" />
      <location filename="../../src/citydesk/ui/words.py" line="77" />
      <source>E-mail</source>
      <translation>Correo electrónico</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="59" />
      <source>Web</source>
      <translation>Web</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="60" />
      <source>Intranet</source>
      <translation>Intranet</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="61" />
      <source>Internal</source>
      <translation>Interno</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="62" />
      <source>After-hours dispatch</source>
      <translation>Despacho fuera de horario</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="67" />
      <source>W (Walk-in)</source>
      <translation>P (Presencial)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="68" />
      <source>P (Phone)</source>
      <translation>T (Teléfono)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="69" />
      <source>E (E-mail)</source>
      <translation>C (Correo electrónico)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="70" />
      <source>B (Web)</source>
      <translation>W (Web)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="71" />
      <source>T (Intranet)</source>
      <translation>N (iNtranet)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="72" />
      <source>I (Internal)</source>
      <translation>I (Interno)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="73" />
      <source>A (After-hours dispatch)</source>
      <translation>F (Fuera de horario)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="78" />
      <source>Letter</source>
      <translation>Carta</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="79" />
      <source>No reply wanted</source>
      <translation>No quiere respuesta</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="82" />
      <source>Done</source>
      <translation>Hecho</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="83" />
      <source>Duplicate of another request</source>
      <translation>Duplicado de otra solicitud</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="84" />
      <source>Referred to another agency</source>
      <translation>Remitido a otro organismo</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="85" />
      <source>Not a city matter</source>
      <translation>No es asunto de la ciudad</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="86" />
      <source>Could not locate</source>
      <translation>No se pudo localizar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="87" />
      <source>Void (entered by mistake)</source>
      <translation>Anulado (ingresado por error)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="90" />
      <source>Clerk</source>
      <translation>Empleado de mostrador</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="91" />
      <source>Technician</source>
      <translation>Técnico</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="92" />
      <source>Supervisor</source>
      <translation>Supervisor</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="93" />
      <source>Admin</source>
      <translation>Administrador</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="94" />
      <source>System</source>
      <translation>Sistema</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="97" />
      <source>Citizen</source>
      <translation>Ciudadano</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="98" />
      <source>City staff member</source>
      <translation>Empleado de la ciudad</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="101" />
      <source>English</source>
      <translation>Inglés</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="102" />
      <source>Spanish</source>
      <translation>Español</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="194" />
      <source>1 minute</source>
      <translation>1 minuto</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="194" />
      <source>{0} minutes</source>
      <translation>{0} minutos</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="193" />
      <source>1 hour</source>
      <translation>1 hora</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="193" />
      <source>{0} hours</source>
      <translation>{0} horas</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="191" />
      <source>{0} days</source>
      <translation>{0} días</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="178" />
      <source>Reported by 1 person</source>
      <translation>Informado por 1 persona</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="178" />
      <source>Reported by {0} people</source>
      <translation>Informado por {0} personas</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="167" />
      <source>en</source>
      <translation>es</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="183" />
      <source>1 person</source>
      <translation>1 persona</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="183" />
      <source>{0} people</source>
      <translation>{0} personas</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="191" />
      <source>1 day</source>
      <translation>1 día</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="200" />
      <source>just now</source>
      <translation>justo ahora</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="201" />
      <source>{0} ago</source>
      <translation>hace {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="206" />
      <location filename="../../src/citydesk/ui/words.py" line="237" />
      <source>ddd d MMM yyyy</source>
      <translation>ddd d 'de' MMM 'de' yyyy</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="211" />
      <source>d MMM yyyy</source>
      <translation>d MMM yyyy</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="216" />
      <source>ddd dd MMM</source>
      <translation>ddd dd MMM</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="221" />
      <source>dddd, MMMM d, yyyy</source>
      <translation>dddd, d 'de' MMMM 'de' yyyy</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="226" />
      <source>dddd, MMMM d</source>
      <translation>dddd, d 'de' MMMM</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="232" />
      <source>ddd d MMM yyyy, h:mm AP</source>
      <translation>ddd d 'de' MMM 'de' yyyy, H:mm</translation>
    </message>
  </context>
  <context>
    <name>SyncStatusBar</name>
    <message>
      <location filename="../../src/citydesk/ui/sync/status.py" line="21" />
      <source>Contacting the server…</source>
      <translation>Contactando con el servidor…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/status.py" line="22" />
      <source>Sending changes…</source>
      <translation>Enviando cambios…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/status.py" line="23" />
      <source>Offering the server what it lacks…</source>
      <translation>Ofreciendo al servidor lo que le falta…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/status.py" line="24" />
      <source>Downloading everything…</source>
      <translation>Descargando todo…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/status.py" line="25" />
      <source>Receiving changes…</source>
      <translation>Recibiendo cambios…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/status.py" line="38" />
      <source>Receiving changes… {0} of {1}</source>
      <translation>Recibiendo cambios… {0} de {1}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/status.py" line="42" />
      <source>Sync progress</source>
      <translation>Progreso de la sincronización</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/status.py" line="49" />
      <source>Opens View → Conflicts</source>
      <translation>Abre Ver → Conflictos</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/status.py" line="52" />
      <source>Connection</source>
      <translation>Conexión</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/status.py" line="77" />
      <source>Connection: {0}</source>
      <translation>Conexión: {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/status.py" line="86" />
      <source>1 refused by the server</source>
      <translation>1 rechazado por el servidor</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/status.py" line="87" />
      <source>{0} refused by the server</source>
      <translation>{0} rechazados por el servidor</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/status.py" line="89" />
      <source>1 received, waiting for other changes</source>
      <translation>1 recibido, esperando otros cambios</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/status.py" line="90" />
      <source>{0} received, waiting for other changes</source>
      <translation>{0} recibidos, esperando otros cambios</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/status.py" line="92" />
      <source>Changes: {0}</source>
      <translation>Cambios: {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/status.py" line="94" />
      <source>1 conflict</source>
      <translation>1 conflicto</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/status.py" line="95" />
      <source>{0} conflicts</source>
      <translation>{0} conflictos</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/status.py" line="99" />
      <source>⚠ This PC's clock is wrong</source>
      <translation>⚠ El reloj de este equipo está mal</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/status.py" line="108" />
      <source>Demo data: never syncs</source>
      <translation>Datos de demostración: nunca se sincronizan</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/status.py" line="110" />
      <source>Not connected to the city's server</source>
      <translation>Sin conexión con el servidor de la ciudad</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/status.py" line="112" />
      <source>Syncing…</source>
      <translation>Sincronizando…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/status.py" line="116" />
      <source>Online</source>
      <translation>En línea</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/status.py" line="116" />
      <source>Offline</source>
      <translation>Sin conexión</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/status.py" line="117" />
      <source>{0} · {1}</source>
      <translation>{0} · {1}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/status.py" line="122" />
      <source>not synced yet</source>
      <translation>aún sin sincronizar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/status.py" line="125" />
      <source>synced just now</source>
      <translation>sincronizado justo ahora</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/status.py" line="127" />
      <source>synced {0} min ago</source>
      <translation>sincronizado hace {0} min</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/status.py" line="130" />
      <source>synced 1 hour ago</source>
      <translation>sincronizado hace 1 hora</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/status.py" line="131" />
      <source>synced {0} hours ago</source>
      <translation>sincronizado hace {0} horas</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/status.py" line="133" />
      <source>synced 1 day ago</source>
      <translation>sincronizado hace 1 día</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/status.py" line="133" />
      <source>synced {0} days ago</source>
      <translation>sincronizado hace {0} días</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/status.py" line="149" />
      <source>{0}: the same tickets were changed differently in two places at once; a supervisor settles them in View → Conflicts.</source>
      <translation>{0}: los mismos tickets se cambiaron de forma distinta en dos lugares a la vez; un supervisor decide en Ver → Conflictos.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/sync/status.py" line="163" />
      <source>{0} {1} of {2}</source>
      <translation>{0} {1} de {2}</translation>
    </message>
  </context>
  <context>
    <name>TicketDetail</name>
    <message>
      <location filename="../../src/citydesk/ui/detail/timeline.py" line="148" />
      <location filename="../../src/citydesk/ui/detail/timeline.py" line="153" />
      <source>someone</source>
      <translation>alguien</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/view.py" line="68" />
      <source>a former user</source>
      <translation>un antiguo usuario</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/header.py" line="105" />
      <source>Category</source>
      <translation>Categoría</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/header.py" line="104" />
      <source>Location</source>
      <translation>Ubicación</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/header.py" line="103" />
      <source>Reported by</source>
      <translation>Informado por</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/actions.py" line="89" />
      <source>Add note</source>
      <translation>Añadir nota</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/actions.py" line="93" />
      <source>Write a note</source>
      <translation>Escribir una nota</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/actions.py" line="96" />
      <source>Log a call…</source>
      <translation>Registrar una llamada…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/actions.py" line="99" />
      <source>Take it (assign to me)</source>
      <translation>Tomarlo (asignármelo)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/actions.py" line="102" />
      <source>Assign…</source>
      <translation>Asignar…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/actions.py" line="109" />
      <source>Change status…</source>
      <translation>Cambiar el estado…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/actions.py" line="116" />
      <source>Change priority…</source>
      <translation>Cambiar la prioridad…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/actions.py" line="123" />
      <source>Edit title, description, location, category…</source>
      <translation>Editar título, descripción, ubicación, categoría…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/actions.py" line="129" />
      <source>Escalate…</source>
      <translation>Escalar…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/actions.py" line="136" />
      <source>Record time…</source>
      <translation>Registrar tiempo…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/actions.py" line="142" />
      <source>Schedule a visit…</source>
      <translation>Programar una visita…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/actions.py" line="149" />
      <source>Resolve…</source>
      <translation>Resolver…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/actions.py" line="156" />
      <source>Reopen…</source>
      <translation>Reabrir…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/actions.py" line="163" />
      <source>Print receipt…</source>
      <translation>Imprimir comprobante…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/actions.py" line="169" />
      <source>Redact the selected note…</source>
      <translation>Ocultar la nota seleccionada…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/conflict_banner.py" line="35" />
      <source>Settle…</source>
      <translation>Decidir…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/conflict_banner.py" line="36" />
      <source>Settle the conflict, choose the value to keep</source>
      <translation>Decidir el conflicto, elegir el valor que se conserva</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/conflict_banner.py" line="52" />
      <location filename="../../src/citydesk/ui/detail/conflict_banner.py" line="54" />
      <source>Conflict</source>
      <translation>Conflicto</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/conflict_banner.py" line="52" />
      <source>Choose the value to keep.</source>
      <translation>Elija el valor que se conserva.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/view.py" line="82" />
      <source>no category</source>
      <translation>sin categoría</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/header.py" line="199" />
      <location filename="../../src/citydesk/ui/detail/timeline.py" line="176" />
      <source>none</source>
      <translation>ninguno</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/header.py" line="83" />
      <source>Ticket number</source>
      <translation>Número de ticket</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/header.py" line="101" />
      <source>Status</source>
      <translation>Estado</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/header.py" line="102" />
      <source>Priority</source>
      <translation>Prioridad</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/header.py" line="106" />
      <source>Department</source>
      <translation>Departamento</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/header.py" line="107" />
      <source>Assigned to</source>
      <translation>Asignado a</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/header.py" line="108" />
      <source>Escalation</source>
      <translation>Escalamiento</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/header.py" line="109" />
      <source>Opened</source>
      <translation>Abierto</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/header.py" line="110" />
      <source>Due</source>
      <translation>Vence</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/header.py" line="111" />
      <source>Visit</source>
      <translation>Visita</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/header.py" line="112" />
      <source>Time spent</source>
      <translation>Tiempo dedicado</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/header.py" line="113" />
      <source>Resolution</source>
      <translation>Resolución</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/header.py" line="125" />
      <source>Description</source>
      <translation>Descripción</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/header.py" line="144" />
      <source>Ticket {0}</source>
      <translation>Ticket {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/header.py" line="160" />
      <location filename="../../src/citydesk/ui/detail/header.py" line="161" />
      <source>No location given</source>
      <translation>Sin ubicación</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/header.py" line="163" />
      <source>No category</source>
      <translation>Sin categoría</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/header.py" line="164" />
      <source>No department yet</source>
      <translation>Aún sin departamento</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/header.py" line="165" />
      <source>Nobody yet</source>
      <translation>Nadie todavía</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/header.py" line="166" />
      <source>Not escalated</source>
      <translation>Sin escalar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/header.py" line="166" />
      <source>Level {0}</source>
      <translation>Nivel {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/header.py" line="168" />
      <source>{0} ago, {1} (via {2}, at office {3})</source>
      <translation>hace {0}, {1} (por {2}, en la oficina {3})</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/header.py" line="182" />
      <source>{0} at {1}</source>
      <translation>{0} a las {1}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/header.py" line="192" />
      <source>resolved (date unknown, imported)</source>
      <translation>resuelto (fecha desconocida, importado)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/header.py" line="199" />
      <source>Description: {0}</source>
      <translation>Descripción: {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/header.py" line="204" />
      <source>Nobody recorded (internal work)</source>
      <translation>Nadie registrado (trabajo interno)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/header.py" line="212" />
      <source>reply by {0}</source>
      <translation>responder por {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/header.py" line="214" />
      <source>prefers {0}</source>
      <translation>prefiere {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/timeline.py" line="78" />
      <source>Internal · staff only</source>
      <translation>Interna · solo personal</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/timeline.py" line="80" />
      <source>Public</source>
      <translation>Pública</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/timeline.py" line="121" />
      <source>Logged the request: {0}</source>
      <translation>Registró la solicitud: {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/timeline.py" line="123" />
      <source>Added a note</source>
      <translation>Añadió una nota</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/timeline.py" line="125" />
      <source>Logged a call</source>
      <translation>Registró una llamada</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/timeline.py" line="127" />
      <source>Changed the status to {0}</source>
      <translation>Cambió el estado a {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/timeline.py" line="129" />
      <source>Changed the priority to {0}</source>
      <translation>Cambió la prioridad a {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/timeline.py" line="132" />
      <source>Sent it to the {0} queue</source>
      <translation>Lo envió a la cola de {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/timeline.py" line="134" />
      <source>Assigned it to {0}</source>
      <translation>Lo asignó a {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/timeline.py" line="135" />
      <source>Unassigned it</source>
      <translation>Quitó la asignación</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/timeline.py" line="139" />
      <source>Escalated to level {0}</source>
      <translation>Escaló al nivel {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/timeline.py" line="141" />
      <source>Recorded {0} of work</source>
      <translation>Registró {0} de trabajo</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/timeline.py" line="144" />
      <source>Scheduled a visit for {0} at {1}</source>
      <translation>Programó una visita para el {0} en {1}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/timeline.py" line="149" />
      <source>Added another reporter: {0}</source>
      <translation>Añadió otro informante: {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/timeline.py" line="152" />
      <source>Merged the duplicate requester {0} into {1}</source>
      <translation>Fusionó el solicitante duplicado {0} con {1}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/timeline.py" line="156" />
      <source>Resolved: {0}</source>
      <translation>Resuelto: {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/timeline.py" line="158" />
      <source>(duplicate of {0})</source>
      <translation>(duplicado de {0})</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/timeline.py" line="160" />
      <source>(referred to {0})</source>
      <translation>(remitido a {0})</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/timeline.py" line="163" />
      <source>Reopened the ticket</source>
      <translation>Reabrió el ticket</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/timeline.py" line="165" />
      <source>Redacted a note. Reason: {0}</source>
      <translation>Ocultó una nota. Motivo: {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/timeline.py" line="171" />
      <source>Changed the title to “{0}”</source>
      <translation>Cambió el título a «{0}»</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/timeline.py" line="173" />
      <source>Edited the description</source>
      <translation>Editó la descripción</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/timeline.py" line="176" />
      <source>Changed the location to {0}</source>
      <translation>Cambió la ubicación a {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/timeline.py" line="178" />
      <source>Changed the category to {0}</source>
      <translation>Cambió la categoría a {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/timeline.py" line="179" />
      <source>Edited the ticket</source>
      <translation>Editó el ticket</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/timeline.py" line="184" />
      <source>entered on a PC whose clock was wrong: shown where it happened</source>
      <translation>registrado en un equipo con el reloj mal: se muestra donde ocurrió</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/timeline.py" line="197" />
      <source>{0} ({1}), {2}</source>
      <translation>{0} ({1}), {2}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/timeline.py" line="201" />
      <source>[redacted by {0}]</source>
      <translation>[ocultado por {0}]</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/timeline.py" line="201" />
      <source>a supervisor</source>
      <translation>un supervisor</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/timeline.py" line="365" />
      <source>Timeline</source>
      <translation>Historial</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/timeline.py" line="368" />
      <source>Every change and note on this ticket, in the order they happened. Internal notes are marked Internal.</source>
      <translation>Cada cambio y nota de este ticket, en el orden en que ocurrieron. Las notas internas se marcan como Interno.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/view.py" line="75" />
      <source>another department</source>
      <translation>otro departamento</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/view.py" line="144" />
      <source>1 minute</source>
      <translation>1 minuto</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/view.py" line="144" />
      <source>{0} minutes</source>
      <translation>{0} minutos</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/view.py" line="147" />
      <source>1 hour</source>
      <translation>1 hora</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/view.py" line="147" />
      <source>{0} hours</source>
      <translation>{0} horas</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/view.py" line="148" />
      <source>{0} days</source>
      <translation>{0} días</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/view.py" line="155" />
      <source>{0} h {1} min</source>
      <translation>{0} h {1} min</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/view.py" line="157" />
      <source>{0} h</source>
      <translation>{0} h</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/view.py" line="158" />
      <source>{0} min</source>
      <translation>{0} min</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/view.py" line="165" />
      <source>No due date</source>
      <translation>Sin fecha de vencimiento</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/view.py" line="169" />
      <source>Late: was due {0} ({1} ago)</source>
      <translation>Atrasado: vencía {0} (hace {1})</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/view.py" line="170" />
      <source>Due {0} (in {1})</source>
      <translation>Vence {0} (en {1})</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/view.py" line="172" />
      <source>Resolved late: was due {0}</source>
      <translation>Resuelto tarde: vencía {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/view.py" line="173" />
      <source>Was due {0}; resolved on time</source>
      <translation>Vencía {0}; resuelto a tiempo</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/view.py" line="179" />
      <source>Reported by 1 person</source>
      <translation>Informado por 1 persona</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/view.py" line="180" />
      <source>Reported by {0} people</source>
      <translation>Informado por {0} personas</translation>
    </message>
  </context>
  <context>
    <name>TicketDetailPane</name>
    <message>
      <location filename="../../src/citydesk/ui/detail/pane.py" line="63" />
      <source>Ticket details</source>
      <translation>Detalles del ticket</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/pane.py" line="90" />
      <source>Choose a ticket to see its details.</source>
      <translation>Elija un ticket para ver sus detalles.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/pane.py" line="137" />
      <source>New note</source>
      <translation>Nueva nota</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/pane.py" line="137" />
      <source>Write a note… (Ctrl+Enter adds it)</source>
      <translation>Escriba una nota… (Ctrl+Intro la añade)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/pane.py" line="140" />
      <source>Ctrl+Enter adds the note. Choose Internal or Public below.</source>
      <translation>Ctrl+Intro añade la nota. Elija Interna o Pública abajo.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/pane.py" line="144" />
      <source>&amp;Note:</source>
      <translation>&amp;Nota:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/pane.py" line="147" />
      <source>Internal (staff only)</source>
      <translation>Interna (solo personal)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/pane.py" line="148" />
      <source>Internal note, staff only</source>
      <translation>Nota interna, solo personal</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/pane.py" line="149" />
      <source>Public (the requester may be told)</source>
      <translation>Pública (se puede informar al solicitante)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/pane.py" line="150" />
      <source>Public note, the requester may be told</source>
      <translation>Nota pública, se puede informar al solicitante</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/pane.py" line="155" />
      <location filename="../../src/citydesk/ui/detail/pane.py" line="156" />
      <source>Add note</source>
      <translation>Añadir nota</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/pane.py" line="157" />
      <source>Ctrl+Enter</source>
      <translation>Ctrl+Intro</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/pane.py" line="220" />
      <source>That ticket is not in this database.</source>
      <translation>Ese ticket no está en esta base de datos.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/pane.py" line="282" />
      <source>Public note added to {0}</source>
      <translation>Nota pública añadida a {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/pane.py" line="282" />
      <source>Internal note added to {0}</source>
      <translation>Nota interna añadida a {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/pane.py" line="322" />
      <source>{0} is assigned to {1}. Take it from {1}?</source>
      <translation>{0} está asignado a {1}. ¿Quitárselo a {1}?</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/pane.py" line="323" />
      <location filename="../../src/citydesk/ui/detail/pane.py" line="324" />
      <source>Take it</source>
      <translation>Tomarlo</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/pane.py" line="325" />
      <source>&amp;Take it</source>
      <translation>&amp;Tomarlo</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/pane.py" line="343" />
      <source>{0} is now assigned to you</source>
      <translation>{0} ahora está asignado a usted</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/pane.py" line="345" />
      <source>{0} taken from {1}; it is now assigned to you</source>
      <translation>{0} se le quitó a {1}; ahora está asignado a usted</translation>
    </message>
  </context>
  <context>
    <name>TicketTableModel</name>
    <message>
      <location filename="../../src/citydesk/ui/ticket_model.py" line="51" />
      <source>Number</source>
      <translation>Número</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/ticket_model.py" line="52" />
      <source>Priority</source>
      <translation>Prioridad</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/ticket_model.py" line="53" />
      <source>Status</source>
      <translation>Estado</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/ticket_model.py" line="54" />
      <source>Title</source>
      <translation>Título</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/ticket_model.py" line="55" />
      <source>Requester</source>
      <translation>Solicitante</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/ticket_model.py" line="56" />
      <source>Department</source>
      <translation>Departamento</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/ticket_model.py" line="57" />
      <source>Assigned to</source>
      <translation>Asignado a</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/ticket_model.py" line="58" />
      <source>Age</source>
      <translation>Antigüedad</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/ticket_model.py" line="59" />
      <source>Due</source>
      <translation>Vence</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/ticket_model.py" line="284" />
      <location filename="../../src/citydesk/ui/ticket_model.py" line="295" />
      <source>loading</source>
      <translation>cargando</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/ticket_model.py" line="285" />
      <source>{0}, conflict</source>
      <translation>{0}, conflicto</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/ticket_model.py" line="303" />
      <source>none</source>
      <translation>ninguno</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/ticket_model.py" line="305" />
      <source>{0}, conflict to settle</source>
      <translation>{0}, conflicto por decidir</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/ticket_model.py" line="312" />
      <source>Conflict: two offices changed this ticket at the same time. Settle it in View → Conflicts or in the ticket's details.</source>
      <translation>Conflicto: dos oficinas cambiaron este ticket al mismo tiempo. Decídalo en Ver → Conflictos o en los detalles del ticket.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/ticket_model.py" line="342" />
      <source>Unassigned</source>
      <translation>Sin asignar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/ticket_model.py" line="349" />
      <source>Overdue {0}</source>
      <translation>Vencido hace {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="28" />
      <source>New</source>
      <translation>Nuevo</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="29" />
      <source>Assigned</source>
      <translation>Asignado</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="30" />
      <source>In progress</source>
      <translation>En curso</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="31" />
      <source>Waiting for the requester</source>
      <translation>En espera del solicitante</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="32" />
      <source>Waiting for a vendor</source>
      <translation>En espera de un proveedor</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="33" />
      <source>Waiting for parts</source>
      <translation>En espera de piezas</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="34" />
      <source>Resolved</source>
      <translation>Resuelto</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="35" />
      <source>Closed</source>
      <translation>Cerrado</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="38" />
      <source>P1 Critical</source>
      <translation>P1 Crítica</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="39" />
      <source>P2 High</source>
      <translation>P2 Alta</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="40" />
      <source>P3 Normal</source>
      <translation>P3 Normal</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="41" />
      <source>Ops (planned work)</source>
      <translation>Ops (trabajo planificado)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="44" />
      <source>Service down or security breach: dispatch now, page the on-call person, around the clock.</source>
      <translation>Servicio caído o brecha de seguridad: enviar ya, avisar a la persona de guardia, a cualquier hora.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="47" />
      <source>Degraded or important: handle the same business day.</source>
      <translation>Degradado o importante: atender el mismo día hábil.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="48" />
      <source>Normal request: done within the category's target number of business days.</source>
      <translation>Solicitud normal: se resuelve dentro del plazo en días hábiles de la categoría.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="51" />
      <source>Planned operational work (patches, backup checks, upgrades), counted apart from requests.</source>
      <translation>Trabajo operativo planificado (parches, comprobación de copias de seguridad, actualizaciones), contado aparte de las solicitudes.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="56" />
      <location filename="../../src/citydesk/ui/words.py" line="76" />
      <source>Phone</source>
      <translation>Teléfono</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="57" />
      <source>Walk-in</source>
      <translation>Presencial</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="58" />
      <location filename="../../src/citydesk/ui/words.py" line="77" />
      <source>E-mail</source>
      <translation>Correo electrónico</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="59" />
      <source>Web</source>
      <translation>Web</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="60" />
      <source>Intranet</source>
      <translation>Intranet</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="61" />
      <source>Internal</source>
      <translation>Interno</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="62" />
      <source>After-hours dispatch</source>
      <translation>Despacho fuera de horario</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="67" />
      <source>W (Walk-in)</source>
      <translation>P (Presencial)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="68" />
      <source>P (Phone)</source>
      <translation>T (Teléfono)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="69" />
      <source>E (E-mail)</source>
      <translation>C (Correo electrónico)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="70" />
      <source>B (Web)</source>
      <translation>W (Web)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="71" />
      <source>T (Intranet)</source>
      <translation>N (iNtranet)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="72" />
      <source>I (Internal)</source>
      <translation>I (Interno)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="73" />
      <source>A (After-hours dispatch)</source>
      <translation>F (Fuera de horario)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="78" />
      <source>Letter</source>
      <translation>Carta</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="79" />
      <source>No reply wanted</source>
      <translation>No quiere respuesta</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="82" />
      <source>Done</source>
      <translation>Hecho</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="83" />
      <source>Duplicate of another request</source>
      <translation>Duplicado de otra solicitud</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="84" />
      <source>Referred to another agency</source>
      <translation>Remitido a otro organismo</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="85" />
      <source>Not a city matter</source>
      <translation>No es asunto de la ciudad</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="86" />
      <source>Could not locate</source>
      <translation>No se pudo localizar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="87" />
      <source>Void (entered by mistake)</source>
      <translation>Anulado (ingresado por error)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="90" />
      <source>Clerk</source>
      <translation>Empleado de mostrador</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="91" />
      <source>Technician</source>
      <translation>Técnico</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="92" />
      <source>Supervisor</source>
      <translation>Supervisor</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="93" />
      <source>Admin</source>
      <translation>Administrador</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="94" />
      <source>System</source>
      <translation>Sistema</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="97" />
      <source>Citizen</source>
      <translation>Ciudadano</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="98" />
      <source>City staff member</source>
      <translation>Empleado de la ciudad</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="101" />
      <source>English</source>
      <translation>Inglés</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="102" />
      <source>Spanish</source>
      <translation>Español</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="194" />
      <source>1 minute</source>
      <translation>1 minuto</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="194" />
      <source>{0} minutes</source>
      <translation>{0} minutos</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="193" />
      <source>1 hour</source>
      <translation>1 hora</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="193" />
      <source>{0} hours</source>
      <translation>{0} horas</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="191" />
      <source>{0} days</source>
      <translation>{0} días</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="178" />
      <source>Reported by 1 person</source>
      <translation>Informado por 1 persona</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="178" />
      <source>Reported by {0} people</source>
      <translation>Informado por {0} personas</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="167" />
      <source>en</source>
      <translation>es</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="183" />
      <source>1 person</source>
      <translation>1 persona</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="183" />
      <source>{0} people</source>
      <translation>{0} personas</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="191" />
      <source>1 day</source>
      <translation>1 día</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="200" />
      <source>just now</source>
      <translation>justo ahora</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="201" />
      <source>{0} ago</source>
      <translation>hace {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="206" />
      <location filename="../../src/citydesk/ui/words.py" line="237" />
      <source>ddd d MMM yyyy</source>
      <translation>ddd d 'de' MMM 'de' yyyy</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="211" />
      <source>d MMM yyyy</source>
      <translation>d MMM yyyy</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="216" />
      <source>ddd dd MMM</source>
      <translation>ddd dd MMM</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="221" />
      <source>dddd, MMMM d, yyyy</source>
      <translation>dddd, d 'de' MMMM 'de' yyyy</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="226" />
      <source>dddd, MMMM d</source>
      <translation>dddd, d 'de' MMMM</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="232" />
      <source>ddd d MMM yyyy, h:mm AP</source>
      <translation>ddd d 'de' MMM 'de' yyyy, H:mm</translation>
    </message>
  </context>
  <context>
    <name>Words</name>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="28" />
      <source>New</source>
      <translation>Nuevo</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="29" />
      <source>Assigned</source>
      <translation>Asignado</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="30" />
      <source>In progress</source>
      <translation>En curso</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="31" />
      <source>Waiting for the requester</source>
      <translation>En espera del solicitante</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="32" />
      <source>Waiting for a vendor</source>
      <translation>En espera de un proveedor</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="33" />
      <source>Waiting for parts</source>
      <translation>En espera de piezas</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="34" />
      <source>Resolved</source>
      <translation>Resuelto</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="35" />
      <source>Closed</source>
      <translation>Cerrado</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="38" />
      <source>P1 Critical</source>
      <translation>P1 Crítica</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="39" />
      <source>P2 High</source>
      <translation>P2 Alta</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="40" />
      <source>P3 Normal</source>
      <translation>P3 Normal</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="41" />
      <source>Ops (planned work)</source>
      <translation>Ops (trabajo planificado)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="44" />
      <source>Service down or security breach: dispatch now, page the on-call person, around the clock.</source>
      <translation>Servicio caído o brecha de seguridad: enviar ya, avisar a la persona de guardia, a cualquier hora.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="47" />
      <source>Degraded or important: handle the same business day.</source>
      <translation>Degradado o importante: atender el mismo día hábil.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="48" />
      <source>Normal request: done within the category's target number of business days.</source>
      <translation>Solicitud normal: se resuelve dentro del plazo en días hábiles de la categoría.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="51" />
      <source>Planned operational work (patches, backup checks, upgrades), counted apart from requests.</source>
      <translation>Trabajo operativo planificado (parches, comprobación de copias de seguridad, actualizaciones), contado aparte de las solicitudes.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="56" />
      <location filename="../../src/citydesk/ui/words.py" line="76" />
      <source>Phone</source>
      <translation>Teléfono</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="57" />
      <source>Walk-in</source>
      <translation>Presencial</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="58" />
      <location filename="../../src/citydesk/ui/words.py" line="77" />
      <source>E-mail</source>
      <translation>Correo electrónico</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="59" />
      <source>Web</source>
      <translation>Web</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="60" />
      <source>Intranet</source>
      <translation>Intranet</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="61" />
      <source>Internal</source>
      <translation>Interno</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="62" />
      <source>After-hours dispatch</source>
      <translation>Despacho fuera de horario</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="67" />
      <source>W (Walk-in)</source>
      <translation>P (Presencial)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="68" />
      <source>P (Phone)</source>
      <translation>T (Teléfono)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="69" />
      <source>E (E-mail)</source>
      <translation>C (Correo electrónico)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="70" />
      <source>B (Web)</source>
      <translation>W (Web)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="71" />
      <source>T (Intranet)</source>
      <translation>N (iNtranet)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="72" />
      <source>I (Internal)</source>
      <translation>I (Interno)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="73" />
      <source>A (After-hours dispatch)</source>
      <translation>F (Fuera de horario)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="78" />
      <source>Letter</source>
      <translation>Carta</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="79" />
      <source>No reply wanted</source>
      <translation>No quiere respuesta</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="82" />
      <source>Done</source>
      <translation>Hecho</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="83" />
      <source>Duplicate of another request</source>
      <translation>Duplicado de otra solicitud</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="84" />
      <source>Referred to another agency</source>
      <translation>Remitido a otro organismo</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="85" />
      <source>Not a city matter</source>
      <translation>No es asunto de la ciudad</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="86" />
      <source>Could not locate</source>
      <translation>No se pudo localizar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="87" />
      <source>Void (entered by mistake)</source>
      <translation>Anulado (ingresado por error)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="90" />
      <source>Clerk</source>
      <translation>Empleado de mostrador</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="91" />
      <source>Technician</source>
      <translation>Técnico</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="92" />
      <source>Supervisor</source>
      <translation>Supervisor</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="93" />
      <source>Admin</source>
      <translation>Administrador</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="94" />
      <source>System</source>
      <translation>Sistema</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="97" />
      <source>Citizen</source>
      <translation>Ciudadano</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="98" />
      <source>City staff member</source>
      <translation>Empleado de la ciudad</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="101" />
      <source>English</source>
      <translation>Inglés</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="102" />
      <source>Spanish</source>
      <translation>Español</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="194" />
      <source>1 minute</source>
      <translation>1 minuto</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="194" />
      <source>{0} minutes</source>
      <translation>{0} minutos</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="193" />
      <source>1 hour</source>
      <translation>1 hora</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="193" />
      <source>{0} hours</source>
      <translation>{0} horas</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="191" />
      <source>{0} days</source>
      <translation>{0} días</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="178" />
      <source>Reported by 1 person</source>
      <translation>Informado por 1 persona</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="178" />
      <source>Reported by {0} people</source>
      <translation>Informado por {0} personas</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="167" />
      <source>en</source>
      <translation>es</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="183" />
      <source>1 person</source>
      <translation>1 persona</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="183" />
      <source>{0} people</source>
      <translation>{0} personas</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="191" />
      <source>1 day</source>
      <translation>1 día</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="200" />
      <source>just now</source>
      <translation>justo ahora</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="201" />
      <source>{0} ago</source>
      <translation>hace {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="206" />
      <location filename="../../src/citydesk/ui/words.py" line="237" />
      <source>ddd d MMM yyyy</source>
      <translation>ddd d 'de' MMM 'de' yyyy</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="211" />
      <source>d MMM yyyy</source>
      <translation>d MMM yyyy</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="216" />
      <source>ddd dd MMM</source>
      <translation>ddd dd MMM</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="221" />
      <source>dddd, MMMM d, yyyy</source>
      <translation>dddd, d 'de' MMMM 'de' yyyy</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="226" />
      <source>dddd, MMMM d</source>
      <translation>dddd, d 'de' MMMM</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/words.py" line="232" />
      <source>ddd d MMM yyyy, h:mm AP</source>
      <translation>ddd d 'de' MMM 'de' yyyy, H:mm</translation>
    </message>
  </context>
</TS>
