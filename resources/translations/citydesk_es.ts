<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
  <context>
    <name>AssignDialog</name>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="192" />
      <source>Assign</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="194" />
      <source>Assign to</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="204" />
      <source>{0} (department queue)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="208" />
      <source>Nobody (unassign)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="209" />
      <source>Assign &amp;to:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="210" />
      <source>Type the first letters of a name to jump to it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="229" />
      <source>{0} assigned to {1}</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ChangePriorityDialog</name>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="274" />
      <source>Change priority</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="277" />
      <source>Priority</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="297" />
      <source>Priority:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="311" />
      <source>{0} is now {1}</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ChangeStatusDialog</name>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="236" />
      <source>Change status</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="237" />
      <source>New status</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="240" />
      <source>Now: {0}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="242" />
      <source>&amp;New status:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="244" />
      <source>To resolve the ticket, use Resolve (Ctrl+R): it asks for a reason.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="255" />
      <source>{0} is now {1}</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>EditDialog</name>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="318" />
      <source>Edit ticket</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="318" />
      <source>Save</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="320" />
      <source>Title</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="321" />
      <source>&amp;Title:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="322" />
      <source>Description</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="324" />
      <source>&amp;Description:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="325" />
      <source>Location</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="326" />
      <source>&amp;Location:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="327" />
      <source>Category</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="328" />
      <source>No category</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="332" />
      <source>&amp;Category:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="372" />
      <source>Nothing has changed.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="399" />
      <source>{0} updated</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>EscalateDialog</name>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="25" />
      <source>Escalate</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="30" />
      <source>Escalation level</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="31" />
      <source>Now: not escalated</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="31" />
      <source>Now: level {0}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="33" />
      <source>&amp;Level (1 to 3):</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="34" />
      <source>Reason</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="34" />
      <source>Why it needs more attention</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="35" />
      <source>&amp;Reason:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="48" />
      <source>{0} escalated to level {1}</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>LogCallDialog</name>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="157" />
      <source>Log a call</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="157" />
      <source>Log call</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="158" />
      <source>Caller</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="159" />
      <source>Not recorded</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="165" />
      <source>&amp;Caller:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="166" />
      <source>What was said</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="167" />
      <source>&amp;What was said:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="168" />
      <source>&amp;Public: the requester may be told this</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="169" />
      <source>Public: the requester may be told this</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="185" />
      <source>Call logged on {0}</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../src/citydesk/ui/shell.py" line="35" />
      <source>My tickets</source>
      <translation>Mis tickets</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/shell.py" line="36" />
      <source>Unassigned</source>
      <translation>Sin asignar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/shell.py" line="37" />
      <source>P1 open</source>
      <translation>P1 abiertos</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/shell.py" line="38" />
      <source>Overdue</source>
      <translation>Vencidos</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/shell.py" line="39" />
      <source>Waiting</source>
      <translation>En espera</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/shell.py" line="40" />
      <source>Today's visits</source>
      <translation>Visitas de hoy</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/shell.py" line="41" />
      <source>Resolved this week</source>
      <translation>Resueltos esta semana</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/shell.py" line="42" />
      <source>All</source>
      <translation>Todos</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/shell.py" line="62" />
      <source>citydesk</source>
      <translation>citydesk</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/shell.py" line="77" />
      <source>Working…</source>
      <translation>Trabajando…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/shell.py" line="90" />
      <source>Queues</source>
      <translation>Colas</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/shell.py" line="91" />
      <source>Choose which tickets the table lists</source>
      <translation>Elija qué tickets muestra la tabla</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/shell.py" line="94" />
      <source>Search tickets: number, words, name, phone (Ctrl+F)</source>
      <translation>Buscar tickets: número, palabras, nombre, teléfono (Ctrl+F)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/shell.py" line="95" />
      <source>Search tickets</source>
      <translation>Buscar tickets</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/shell.py" line="100" />
      <source>Tickets</source>
      <translation>Tickets</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/shell.py" line="122" />
      <source>Notification</source>
      <translation>Notificación</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/shell.py" line="142" />
      <source>Status message</source>
      <translation>Mensaje de estado</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/shell.py" line="143" />
      <source>Connection</source>
      <translation>Conexión</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/shell.py" line="144" />
      <source>Pending local changes</source>
      <translation>Cambios locales pendientes</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/shell.py" line="145" />
      <source>Signed-in user</source>
      <translation>Usuario conectado</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/shell.py" line="146" />
      <source>Office</source>
      <translation>Oficina</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/shell.py" line="147" />
      <source>Background work</source>
      <translation>Trabajo en segundo plano</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/shell.py" line="167" />
      <source>&amp;File</source>
      <translation>&amp;Archivo</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/shell.py" line="168" />
      <source>&amp;New request…</source>
      <translation>&amp;Nueva solicitud…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/shell.py" line="169" />
      <source>Import &amp;addresses…</source>
      <translation>Importar &amp;direcciones…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/shell.py" line="172" />
      <source>Switch &amp;user…</source>
      <translation>Cambiar de &amp;usuario…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/shell.py" line="174" />
      <source>&amp;Quit</source>
      <translation>&amp;Salir</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/shell.py" line="175" />
      <source>&amp;View</source>
      <translation>&amp;Ver</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/shell.py" line="176" />
      <source>&amp;Find tickets</source>
      <translation>&amp;Buscar tickets</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/shell.py" line="179" />
      <source>&amp;Refresh</source>
      <translation>&amp;Actualizar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/shell.py" line="180" />
      <source>Re&amp;questers…</source>
      <translation>&amp;Solicitantes…</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/shell.py" line="181" />
      <source>Clear search</source>
      <translation>Borrar la búsqueda</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/shell.py" line="188" />
      <source>&amp;Ticket</source>
      <translation>&amp;Ticket</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/shell.py" line="195" />
      <source>&amp;Counter</source>
      <translation>&amp;Mostrador</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/shell.py" line="199" />
      <source>&amp;Help</source>
      <translation>A&amp;yuda</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/shell.py" line="200" />
      <source>&amp;About citydesk</source>
      <translation>&amp;Acerca de citydesk</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/shell.py" line="247" />
      <source>{0} local changes not yet synced</source>
      <translation>{0} cambios locales aún sin sincronizar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/shell.py" line="295" />
      <source>{0} tickets found</source>
      <translation>{0} tickets encontrados</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/shell.py" line="376" />
      <source>Nobody signed in</source>
      <translation>Nadie ha iniciado sesión</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/shell.py" line="378" />
      <location filename="../../src/citydesk/ui/shell.py" line="379" />
      <source>{0} ({1})</source>
      <translation>{0} ({1})</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/shell.py" line="380" />
      <source>{0} · demo</source>
      <translation>{0} · demostración</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/shell.py" line="382" />
      <source>citydesk — {0}</source>
      <translation>citydesk — {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/shell.py" line="410" />
      <source>Online</source>
      <translation>En línea</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/shell.py" line="410" />
      <source>Offline</source>
      <translation>Sin conexión</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/shell.py" line="411" />
      <source>not yet</source>
      <translation>todavía no</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/shell.py" line="412" />
      <source>{0} · last sync: {1}</source>
      <translation>{0} · última sincronización: {1}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/shell.py" line="441" />
      <source>About citydesk</source>
      <translation>Acerca de citydesk</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/shell.py" line="442" />
      <source>citydesk {0} — the city's service desk.</source>
      <translation>citydesk {0}: la mesa de servicio de la ciudad.</translation>
    </message>
  </context>
  <context>
    <name>RecordTimeDialog</name>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="55" />
      <source>Record time</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="59" />
      <source> minutes</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="60" />
      <source>Minutes spent</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="61" />
      <source>&amp;Minutes:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="62" />
      <source>What the time was for</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="62" />
      <source>Optional</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="63" />
      <source>&amp;For:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="77" />
      <source>{0} minutes recorded on {1}</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>RedactDialog</name>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="208" />
      <source>Redact note</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="208" />
      <source>Redact</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="218" />
      <source>The text is blanked on every office's copy and cannot be brought back. Who redacted it, and why, stays visible.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="224" />
      <source>Reason for redacting</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="224" />
      <source>e.g. personal data</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="225" />
      <source>&amp;Reason:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="234" />
      <source>Note redacted on {0}</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ReopenDialog</name>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="188" />
      <source>Reopen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="189" />
      <source>Why reopen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="189" />
      <source>What is still wrong</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="190" />
      <source>&amp;Why reopen:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="199" />
      <source>{0} reopened</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ResolveDialog</name>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="132" />
      <source>Resolve</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="133" />
      <source>Reason</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="136" />
      <source>&amp;Reason:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="137" />
      <source>Duplicate of ticket number</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="139" />
      <source>&amp;Duplicate of (number):</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="142" />
      <source>Agency referred to</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="142" />
      <source>County Health Department</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="144" />
      <source>&amp;Agency:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="146" />
      <source>Note to the requester (public)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="147" />
      <source>What was done, in words the requester understands</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="149" />
      <source>&amp;Note to the requester (public):</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="152" />
      <source>This note is public: every reporter ({0}) should be told it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="181" />
      <source>{0} resolved: {1}</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ScheduleVisitDialog</name>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="85" />
      <source>Schedule a visit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="85" />
      <source>Schedule visit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="97" />
      <source>Visit date and time, city time ({0})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="98" />
      <source>&amp;When ({0} time):</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="100" />
      <source>Place</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="101" />
      <source>&amp;Place:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="102" />
      <source>Note for the visit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="102" />
      <source>Optional</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="103" />
      <source>&amp;Note:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/workflow_dialogs.py" line="123" />
      <source>Visit on {0} scheduled for {1}</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ServiceDialog</name>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="71" />
      <source>Ctrl+Enter</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="73" />
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="74" />
      <source>Cancel</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/dialogs.py" line="89" />
      <source>{0} updated</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>TicketDetailPane</name>
    <message>
      <location filename="../../src/citydesk/ui/detail/pane.py" line="58" />
      <source>Ticket details</source>
      <translation>Detalles del ticket</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/pane.py" line="81" />
      <source>Choose a ticket to see its details.</source>
      <translation>Elija un ticket para ver sus detalles.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/pane.py" line="121" />
      <source>New note</source>
      <translation>Nueva nota</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/pane.py" line="121" />
      <source>Write a note… (Ctrl+Enter adds it)</source>
      <translation>Escriba una nota… (Ctrl+Intro la añade)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/pane.py" line="124" />
      <source>Ctrl+Enter adds the note. Choose Internal or Public below.</source>
      <translation>Ctrl+Intro añade la nota. Elija Interna o Pública abajo.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/pane.py" line="127" />
      <source>&amp;Note:</source>
      <translation>&amp;Nota:</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/pane.py" line="130" />
      <source>Internal (staff only)</source>
      <translation>Interna (solo personal)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/pane.py" line="131" />
      <source>Internal note, staff only</source>
      <translation>Nota interna, solo personal</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/pane.py" line="132" />
      <source>Public (the requester may be told)</source>
      <translation>Pública (se puede informar al solicitante)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/pane.py" line="133" />
      <source>Public note, the requester may be told</source>
      <translation>Nota pública, se puede informar al solicitante</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/pane.py" line="138" />
      <location filename="../../src/citydesk/ui/detail/pane.py" line="139" />
      <source>Add note</source>
      <translation>Añadir nota</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/pane.py" line="140" />
      <source>Ctrl+Enter</source>
      <translation>Ctrl+Intro</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/pane.py" line="203" />
      <source>That ticket is not in this database.</source>
      <translation>Ese ticket no está en esta base de datos.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/pane.py" line="263" />
      <source>Public note added to {0}</source>
      <translation>Nota pública añadida a {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/pane.py" line="263" />
      <source>Internal note added to {0}</source>
      <translation>Nota interna añadida a {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/pane.py" line="301" />
      <source>{0} is now assigned to you</source>
      <translation>{0} ahora está asignado a usted</translation>
    </message>
  </context>
  <context>
    <name>TicketTableModel</name>
    <message>
      <location filename="../../src/citydesk/ui/ticket_model.py" line="47" />
      <source>Number</source>
      <translation>Número</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/ticket_model.py" line="48" />
      <source>Priority</source>
      <translation>Prioridad</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/ticket_model.py" line="49" />
      <source>Status</source>
      <translation>Estado</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/ticket_model.py" line="50" />
      <source>Title</source>
      <translation>Título</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/ticket_model.py" line="51" />
      <source>Requester</source>
      <translation>Solicitante</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/ticket_model.py" line="52" />
      <source>Department</source>
      <translation>Departamento</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/ticket_model.py" line="53" />
      <source>Assigned to</source>
      <translation>Asignado a</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/ticket_model.py" line="54" />
      <source>Age</source>
      <translation>Antigüedad</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/ticket_model.py" line="55" />
      <source>Due</source>
      <translation>Vence</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/ticket_model.py" line="320" />
      <source>Unassigned</source>
      <translation>Sin asignar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/ticket_model.py" line="327" />
      <source>Overdue {0}</source>
      <translation>Vencido hace {0}</translation>
    </message>
  </context>
  <context>
    <name>TicketDetail</name>
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
      <location filename="../../src/citydesk/ui/detail/header.py" line="87" />
      <source>Status</source>
      <translation>Estado</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/header.py" line="88" />
      <source>Priority</source>
      <translation>Prioridad</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/header.py" line="89" />
      <source>Reported by</source>
      <translation>Informado por</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/header.py" line="90" />
      <source>Location</source>
      <translation>Ubicación</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/header.py" line="91" />
      <source>Category</source>
      <translation>Categoría</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/header.py" line="92" />
      <source>Department</source>
      <translation>Departamento</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/header.py" line="93" />
      <source>Assigned to</source>
      <translation>Asignado a</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/header.py" line="94" />
      <source>Escalation</source>
      <translation>Escalamiento</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/header.py" line="95" />
      <source>Opened</source>
      <translation>Abierto</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/header.py" line="96" />
      <source>Due</source>
      <translation>Vence</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/header.py" line="97" />
      <source>Visit</source>
      <translation>Visita</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/header.py" line="98" />
      <source>Time spent</source>
      <translation>Tiempo dedicado</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/header.py" line="99" />
      <source>Resolution</source>
      <translation>Resolución</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/header.py" line="111" />
      <source>Description</source>
      <translation>Descripción</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/header.py" line="126" />
      <source>Ticket {0}</source>
      <translation>Ticket {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/header.py" line="142" />
      <location filename="../../src/citydesk/ui/detail/header.py" line="143" />
      <source>No location given</source>
      <translation>Sin ubicación</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/header.py" line="145" />
      <source>No category</source>
      <translation>Sin categoría</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/header.py" line="146" />
      <source>No department yet</source>
      <translation>Aún sin departamento</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/header.py" line="147" />
      <source>Nobody yet</source>
      <translation>Nadie todavía</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/header.py" line="148" />
      <source>Not escalated</source>
      <translation>Sin escalar</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/header.py" line="148" />
      <source>Level {0}</source>
      <translation>Nivel {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/header.py" line="150" />
      <source>{0} ago, {1} (via {2}, at office {3})</source>
      <translation>hace {0}, {1} (por {2}, en la oficina {3})</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/header.py" line="164" />
      <source>{0} at {1}</source>
      <translation>{0} a las {1}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/header.py" line="179" />
      <source>Description: {0}</source>
      <translation>Descripción: {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/header.py" line="179" />
      <location filename="../../src/citydesk/ui/detail/timeline.py" line="169" />
      <source>none</source>
      <translation>ninguna</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/header.py" line="184" />
      <source>Nobody recorded (internal work)</source>
      <translation>Nadie registrado (trabajo interno)</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/header.py" line="192" />
      <source>reply by {0}</source>
      <translation>responder por {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/header.py" line="194" />
      <source>prefers {0}</source>
      <translation>prefiere {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/timeline.py" line="76" />
      <source>Internal · staff only</source>
      <translation>Interna · solo personal</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/timeline.py" line="78" />
      <source>Public</source>
      <translation>Pública</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/timeline.py" line="114" />
      <source>Logged the request: {0}</source>
      <translation>Registró la solicitud: {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/timeline.py" line="116" />
      <source>Added a note</source>
      <translation>Añadió una nota</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/timeline.py" line="118" />
      <source>Logged a call</source>
      <translation>Registró una llamada</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/timeline.py" line="120" />
      <source>Changed the status to {0}</source>
      <translation>Cambió el estado a {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/timeline.py" line="122" />
      <source>Changed the priority to {0}</source>
      <translation>Cambió la prioridad a {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/timeline.py" line="125" />
      <source>Sent it to the {0} queue</source>
      <translation>Lo envió a la cola de {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/timeline.py" line="127" />
      <source>Assigned it to {0}</source>
      <translation>Lo asignó a {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/timeline.py" line="128" />
      <source>Unassigned it</source>
      <translation>Quitó la asignación</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/timeline.py" line="132" />
      <source>Escalated to level {0}</source>
      <translation>Escaló al nivel {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/timeline.py" line="134" />
      <source>Recorded {0} of work</source>
      <translation>Registró {0} de trabajo</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/timeline.py" line="137" />
      <source>Scheduled a visit for {0} at {1}</source>
      <translation>Programó una visita para el {0} en {1}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/timeline.py" line="141" />
      <location filename="../../src/citydesk/ui/detail/timeline.py" line="146" />
      <source>someone</source>
      <translation>alguien</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/timeline.py" line="142" />
      <source>Added another reporter: {0}</source>
      <translation>Añadió otro informante: {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/timeline.py" line="145" />
      <source>Merged the duplicate requester {0} into {1}</source>
      <translation>Fusionó el solicitante duplicado {0} con {1}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/timeline.py" line="149" />
      <source>Resolved: {0}</source>
      <translation>Resuelto: {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/timeline.py" line="151" />
      <source>(duplicate of {0})</source>
      <translation>(duplicado de {0})</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/timeline.py" line="153" />
      <source>(referred to {0})</source>
      <translation>(remitido a {0})</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/timeline.py" line="156" />
      <source>Reopened the ticket</source>
      <translation>Reabrió el ticket</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/timeline.py" line="158" />
      <source>Redacted a note. Reason: {0}</source>
      <translation>Ocultó una nota. Motivo: {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/timeline.py" line="164" />
      <source>Changed the title to “{0}”</source>
      <translation>Cambió el título a «{0}»</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/timeline.py" line="166" />
      <source>Edited the description</source>
      <translation>Editó la descripción</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/timeline.py" line="169" />
      <source>Changed the location to {0}</source>
      <translation>Cambió la ubicación a {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/timeline.py" line="171" />
      <source>Changed the category to {0}</source>
      <translation>Cambió la categoría a {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/timeline.py" line="172" />
      <source>Edited the ticket</source>
      <translation>Editó el ticket</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/timeline.py" line="185" />
      <source>{0} ({1}), {2}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/timeline.py" line="189" />
      <source>[redacted by {0}]</source>
      <translation>[ocultado por {0}]</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/timeline.py" line="189" />
      <source>a supervisor</source>
      <translation>un supervisor</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/timeline.py" line="352" />
      <source>Timeline</source>
      <translation>Historial</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/timeline.py" line="354" />
      <source>Every change and note on this ticket, oldest first. Internal notes are marked Internal.</source>
      <translation>Cada cambio y nota de este ticket, del más antiguo al más reciente. Las notas internas están marcadas como Interna.</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/view.py" line="60" />
      <source>a former user</source>
      <translation>un antiguo usuario</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/view.py" line="67" />
      <source>another department</source>
      <translation>otro departamento</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/view.py" line="74" />
      <source>no category</source>
      <translation>sin categoría</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/view.py" line="134" />
      <source>1 minute</source>
      <translation>1 minuto</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/view.py" line="134" />
      <source>{0} minutes</source>
      <translation>{0} minutos</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/view.py" line="137" />
      <source>1 hour</source>
      <translation>1 hora</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/view.py" line="137" />
      <source>{0} hours</source>
      <translation>{0} horas</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/view.py" line="138" />
      <source>{0} days</source>
      <translation>{0} días</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/view.py" line="145" />
      <source>{0} h {1} min</source>
      <translation>{0} h {1} min</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/view.py" line="147" />
      <source>{0} h</source>
      <translation>{0} h</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/view.py" line="148" />
      <source>{0} min</source>
      <translation>{0} min</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/view.py" line="155" />
      <source>No due date</source>
      <translation>Sin fecha de vencimiento</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/view.py" line="159" />
      <source>Late: was due {0} ({1} ago)</source>
      <translation>Atrasado: vencía {0} (hace {1})</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/view.py" line="160" />
      <source>Due {0} (in {1})</source>
      <translation>Vence {0} (en {1})</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/view.py" line="162" />
      <source>Resolved late: was due {0}</source>
      <translation>Resuelto tarde: vencía {0}</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/view.py" line="163" />
      <source>Was due {0}; resolved on time</source>
      <translation>Vencía {0}; resuelto a tiempo</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/view.py" line="169" />
      <source>Reported by 1 person</source>
      <translation>Informado por 1 persona</translation>
    </message>
    <message>
      <location filename="../../src/citydesk/ui/detail/view.py" line="170" />
      <source>Reported by {0} people</source>
      <translation>Informado por {0} personas</translation>
    </message>
  </context>
</TS>
