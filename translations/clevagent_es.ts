<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>AgentDetailView</name>
    <message>
        <source>Agent</source>
        <translation>Agente</translation>
    </message>
    <message>
        <source>Pause alerts 1 h</source>
        <translation>Pausar alertas 1 h</translation>
    </message>
    <message>
        <source>4 h</source>
        <translation>4 h</translation>
    </message>
    <message>
        <source>8 h</source>
        <translation>8 h</translation>
    </message>
    <message>
        <source>Until resumed</source>
        <translation>Hasta reanudar</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reanudar</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Reiniciar</translation>
    </message>
    <message>
        <source>Restart the agent now through its restart target (its container, unit or process)</source>
        <translation>Reiniciar el agente ahora mediante su destino de reinicio (su contenedor, unidad o proceso)</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Ajustes…</translation>
    </message>
    <message>
        <source>Forget…</source>
        <translation>Olvidar…</translation>
    </message>
    <message>
        <source>Delete this agent and everything stored about it</source>
        <translation>Eliminar este agente y todo lo guardado sobre él</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>Uso</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Cronología</translation>
    </message>
    <message>
        <source>Recent beats</source>
        <translation>Latidos recientes</translation>
    </message>
    <message>
        <source>Restarts</source>
        <translation>Reinicios</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alertas</translation>
    </message>
    <message>
        <source>Select an incident to read its whole detail.</source>
        <translation>Seleccione un incidente para leer todo su detalle.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Copy the incident&apos;s detail (a crash&apos;s traceback) to the clipboard</source>
        <translation>Copiar el detalle del incidente (el traceback de un fallo) al portapapeles</translation>
    </message>
</context>
<context>
    <name>AgentSettingsDialog</name>
    <message>
        <source>Agent settings</source>
        <translation>Ajustes del agente</translation>
    </message>
    <message>
        <source>Values set here win over what the agent sends and over the defaults. Leave a box unticked to use the default.</source>
        <translation>Los valores fijados aquí prevalecen sobre lo que envía el agente y sobre los valores predeterminados. Deje una casilla sin marcar para usar el valor predeterminado.</translation>
    </message>
    <message>
        <source>Expected interval</source>
        <translation>Intervalo esperado</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Grace before dead</source>
        <translation>Margen antes de «muerto»</translation>
    </message>
    <message>
        <source>default: one more interval</source>
        <translation>predeterminado: un intervalo más</translation>
    </message>
    <message>
        <source>Daily budget</source>
        <translation>Presupuesto diario</translation>
    </message>
    <message>
        <source>Loop after the same tool call</source>
        <translation>Bucle tras la misma llamada</translation>
    </message>
    <message>
        <source> times</source>
        <translation> veces</translation>
    </message>
    <message>
        <source>default: 5 times in a row</source>
        <translation>predeterminado: 5 veces seguidas</translation>
    </message>
    <message>
        <source>Iteration cap</source>
        <translation>Límite de iteraciones</translation>
    </message>
    <message>
        <source>default: no cap</source>
        <translation>predeterminado: sin límite</translation>
    </message>
    <message>
        <source>Restart when dead</source>
        <translation>Reiniciar si muere</translation>
    </message>
</context>
<context>
    <name>ApiKeysDialog</name>
    <message>
        <source>API keys</source>
        <translation>Claves de API</translation>
    </message>
    <message>
        <source>Agents send heartbeats with an ingest key; dashboards read with a read key. Only a hash of each key is stored: a key is shown once, when it is created.</source>
        <translation>Los agentes envían latidos con una clave de ingesta; los paneles leen con una clave de lectura. Solo se guarda un hash de cada clave: una clave se muestra una sola vez, al crearla.</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Revocar</translation>
    </message>
    <message>
        <source>New key</source>
        <translation>Nueva clave</translation>
    </message>
    <message>
        <source>Name, e.g. laptop agents</source>
        <translation>Nombre, p. ej. agentes del portátil</translation>
    </message>
    <message>
        <source>Ingest</source>
        <translation>Ingesta</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Lectura</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Administración</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Crear</translation>
    </message>
    <message>
        <source>&lt;b&gt;Your new key&lt;/b&gt; — copy it now; it is not shown again here. A copy is kept in the system keychain for &quot;Connect an agent&quot;.</source>
        <translation>&lt;b&gt;Su nueva clave&lt;/b&gt;: cópiela ahora; aquí no se vuelve a mostrar. Se guarda una copia en el llavero del sistema para «Conectar un agente».</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
</context>
<context>
    <name>CauseText</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>restarted through %1 (attempt %2 of %3)</source>
        <translation>reiniciado mediante %1 (intento %2 de %3)</translation>
    </message>
    <message>
        <source>restart through %1 failed: %2</source>
        <translation>el reinicio mediante %1 falló: %2</translation>
    </message>
    <message>
        <source>%1 after %2</source>
        <translation>%1 tras: %2</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1; %2</translation>
    </message>
    <message>
        <source>Agent &apos;%1&apos; spent its daily budget</source>
        <translation>El agente «%1» agotó su presupuesto diario</translation>
    </message>
    <message>
        <source>Agent &apos;%1&apos; used %2 % of its daily budget</source>
        <translation>El agente «%1» usó el %2 % de su presupuesto diario</translation>
    </message>
    <message>
        <source>Project &apos;%1&apos; spent its daily budget</source>
        <translation>El proyecto «%1» agotó su presupuesto diario</translation>
    </message>
    <message>
        <source>Project &apos;%1&apos; used %2 % of its daily budget</source>
        <translation>El proyecto «%1» usó el %2 % de su presupuesto diario</translation>
    </message>
    <message>
        <source>budget: %1 % of the daily %2 spent (%3)</source>
        <translation>presupuesto: gastado el %1 % del diario de %2 (%3)</translation>
    </message>
    <message>
        <source>project &apos;%1&apos; budget: %2 % of the daily %3 spent (%4)</source>
        <translation>presupuesto del proyecto «%1»: gastado el %2 % del diario de %3 (%4)</translation>
    </message>
    <message>
        <source>the tool &apos;%1&apos; was called %2 times in a row with the same arguments</source>
        <translation>la herramienta «%1» se llamó %2 veces seguidas con los mismos argumentos</translation>
    </message>
    <message>
        <source>the same prompts were sent on %1 beats in a row while tokens kept flowing</source>
        <translation>se enviaron los mismos prompts en %1 latidos seguidos mientras seguían consumiéndose tokens</translation>
    </message>
    <message>
        <source>%1 tokens per beat on %2 beats running, over %3 x the 24 h mean of %4</source>
        <translation>%1 tokens por latido en %2 latidos seguidos, más de %3 veces la media de 24 h de %4</translation>
    </message>
    <message>
        <source>%1 tool calls per beat on %2 beats running, over %3 x the 24 h mean of %4</source>
        <translation>%1 llamadas a herramientas por latido en %2 latidos seguidos, más de %3 veces la media de 24 h de %4</translation>
    </message>
    <message>
        <source>iteration %1 is past the cap of %2</source>
        <translation>la iteración %1 supera el límite de %2</translation>
    </message>
    <message>
        <source>beat: ok</source>
        <translation>latido: ok</translation>
    </message>
    <message>
        <source>beat: warning</source>
        <translation>latido: advertencia</translation>
    </message>
    <message>
        <source>beat: error</source>
        <translation>latido: error</translation>
    </message>
    <message>
        <source>clean shutdown</source>
        <translation>apagado limpio</translation>
    </message>
    <message>
        <source>no beat for %1 (expected every %2)</source>
        <translation>sin latido desde hace %1 (se espera cada %2)</translation>
    </message>
    <message>
        <source>no beat for %1</source>
        <translation>sin latido desde hace %1</translation>
    </message>
    <message>
        <source>no beat since %1 (%2); found at start-up</source>
        <translation>sin latido desde %1 (%2); detectado al arrancar</translation>
    </message>
    <message>
        <source>no beat since %1; found at start-up</source>
        <translation>sin latido desde %1; detectado al arrancar</translation>
    </message>
    <message>
        <source>loop detected: %1</source>
        <translation>bucle detectado: %1</translation>
    </message>
    <message>
        <source>loop ended</source>
        <translation>bucle terminado</translation>
    </message>
    <message>
        <source>paused until %1</source>
        <translation>en pausa hasta %1</translation>
    </message>
    <message>
        <source>paused until resumed</source>
        <translation>en pausa hasta reanudar</translation>
    </message>
    <message>
        <source>pause ended</source>
        <translation>pausa terminada</translation>
    </message>
    <message>
        <source>pause ended while nothing watched</source>
        <translation>la pausa terminó mientras nada vigilaba</translation>
    </message>
    <message>
        <source>resumed</source>
        <translation>reanudado</translation>
    </message>
    <message>
        <source>interval or grace changed</source>
        <translation>intervalo o margen cambiado</translation>
    </message>
    <message>
        <source>interval or grace changed; the next beat is due later</source>
        <translation>intervalo o margen cambiado; el próximo latido se espera más tarde</translation>
    </message>
    <message>
        <source>the agent is %1</source>
        <translation>el agente está %1</translation>
    </message>
    <message>
        <source>the agent is %1; its last message: %2</source>
        <translation>el agente está %1; su último mensaje: %2</translation>
    </message>
    <message>
        <source>restart: %1</source>
        <translation>reinicio: %1</translation>
    </message>
    <message>
        <source>died: %1</source>
        <translation>murió: %1</translation>
    </message>
    <message>
        <source>crashed: %1</source>
        <translation>se bloqueó: %1</translation>
    </message>
    <message>
        <source>exited: %1</source>
        <translation>terminó: %1</translation>
    </message>
    <message>
        <source>asked by a person</source>
        <translation>pedido por una persona</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Agent &apos;%1&apos; is dead</source>
        <translation>El agente «%1» está muerto</translation>
    </message>
    <message>
        <source>Agent &apos;%1&apos; reports an error</source>
        <translation>El agente «%1» informa de un error</translation>
    </message>
    <message>
        <source>Agent &apos;%1&apos; crashed</source>
        <translation>El agente «%1» se bloqueó</translation>
    </message>
    <message>
        <source>Agent &apos;%1&apos; is looping</source>
        <translation>El agente «%1» está en un bucle</translation>
    </message>
    <message>
        <source>Agent &apos;%1&apos; is flapping</source>
        <translation>El agente «%1» está oscilando</translation>
    </message>
    <message>
        <source>Agent &apos;%1&apos; could not be restarted</source>
        <translation>No se pudo reiniciar el agente «%1»</translation>
    </message>
    <message>
        <source>Agent &apos;%1&apos; exited</source>
        <translation>El agente «%1» terminó</translation>
    </message>
    <message>
        <source>It died %1 times within %2 and came back each time; it is dead now (%3). Its deaths and recoveries are recorded but not notified one by one until it has stayed up for %2.</source>
        <translation>Murió %1 veces en %2 y volvió cada vez; ahora está muerto (%3). Sus caídas y recuperaciones se registran, pero no se notifican una a una hasta que siga en marcha durante %2.</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 días</translation>
    </message>
    <message>
        <source>%1 (back after %2 of silence)</source>
        <translation>%1 (de vuelta tras %2 de silencio)</translation>
    </message>
    <message>
        <source>%1; no beat for %2</source>
        <translation>%1; sin latido desde hace %2</translation>
    </message>
    <message>
        <source>%1 (from the last stored beat, at start-up)</source>
        <translation>%1 (del último latido guardado, al arrancar)</translation>
    </message>
    <message>
        <source>%1 (last spent by agent &apos;%2&apos;)</source>
        <translation>%1 (último gasto del agente «%2»)</translation>
    </message>
    <message>
        <source>%1 (found at start-up)</source>
        <translation>%1 (detectado al arrancar)</translation>
    </message>
</context>
<context>
    <name>ChannelEditDialog</name>
    <message>
        <source>Alert channel</source>
        <translation>Canal de alertas</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>e.g. ops-slack</source>
        <translation>p. ej. ops-slack</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Alerts it receives</source>
        <translation>Alertas que recibe</translation>
    </message>
    <message>
        <source>Agent dead</source>
        <translation>Agente muerto</translation>
    </message>
    <message>
        <source>Crash</source>
        <translation>Fallo</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Loop</source>
        <translation>Bucle</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Presupuesto</translation>
    </message>
    <message>
        <source>Restart failed</source>
        <translation>Reinicio fallido</translation>
    </message>
    <message>
        <source>Webhook URL</source>
        <translation>URL del webhook</translation>
    </message>
    <message>
        <source>Signing secret</source>
        <translation>Secreto de firma</translation>
    </message>
    <message>
        <source>SMTP server</source>
        <translation>Servidor SMTP</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Seguridad</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Para</translation>
    </message>
    <message>
        <source>URLs, secrets and passwords are kept in the system keychain, never in a file.</source>
        <translation>Las URL, los secretos y las contraseñas se guardan en el llavero del sistema, nunca en un archivo.</translation>
    </message>
    <message>
        <source>Send test</source>
        <translation>Enviar prueba</translation>
    </message>
</context>
<context>
    <name>ChannelsDialog</name>
    <message>
        <source>Alert channels</source>
        <translation>Canales de alertas</translation>
    </message>
    <message>
        <source>Where alerts go besides this window: Slack, Discord, a webhook of your own, PagerDuty or e-mail.</source>
        <translation>Adónde van las alertas además de esta ventana: Slack, Discord, un webhook propio, PagerDuty o correo electrónico.</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Añadir…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Send test</source>
        <translation>Enviar prueba</translation>
    </message>
</context>
<context>
    <name>ConnectAgentDialog</name>
    <message>
        <source>Connect an agent</source>
        <translation>Conectar un agente</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Punto de acceso</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>Clave de API</translation>
    </message>
    <message>
        <source>Agent name</source>
        <translation>Nombre del agente</translation>
    </message>
    <message>
        <source>Python SDK</source>
        <translation>SDK de Python</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Entorno</translation>
    </message>
    <message>
        <source>Copy snippet</source>
        <translation>Copiar código</translation>
    </message>
</context>
<context>
    <name>DesktopSettings</name>
    <message>
        <source>Cannot remove %1</source>
        <translation>No se puede eliminar %1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>No se puede escribir %1: %2</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>ClevAgent</source>
        <translation>ClevAgent</translation>
    </message>
    <message>
        <source>Use this port</source>
        <translation>Usar este puerto</translation>
    </message>
    <message>
        <source>&lt;h2&gt;No agents yet&lt;/h2&gt;&lt;p&gt;Add two lines to your agent and it appears here on its first heartbeat.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Aún no hay agentes&lt;/h2&gt;&lt;p&gt;Añada dos líneas a su agente y aparecerá aquí con su primer latido.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Punto de acceso</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>Clave de API</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Python (pip install ./sdk/python):</source>
        <translation>Python (pip install ./sdk/python):</translation>
    </message>
    <message>
        <source>Copy snippet</source>
        <translation>Copiar código</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>Agentes</translation>
    </message>
    <message>
        <source>Filter by name or message</source>
        <translation>Filtrar por nombre o mensaje</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agente</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alertas</translation>
    </message>
    <message>
        <source>Open only</source>
        <translation>Solo abiertas</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Confirmar</translation>
    </message>
    <message>
        <source>Silence…</source>
        <translation>Silenciar…</translation>
    </message>
    <message>
        <source>Mute notifications for this agent (alerts are still recorded)</source>
        <translation>Silenciar las notificaciones de este agente (las alertas se siguen registrando)</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <source>This computer and the remote instances</source>
        <translation>Este equipo y las instancias remotas</translation>
    </message>
</context>
<context>
    <name>RemoteDialog</name>
    <message>
        <source>Add a remote instance</source>
        <translation>Añadir una instancia remota</translation>
    </message>
    <message>
        <source>Watch the agents of a clevagent-server on another machine. It needs a key with the read scope (clevagent-server keys create --scope read); the key is kept in the system keychain.</source>
        <translation>Vigile los agentes de un clevagent-server en otra máquina. Necesita una clave con permiso de lectura (clevagent-server keys create --scope read); la clave se guarda en el llavero del sistema.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>e.g. gpu-box</source>
        <translation>p. ej. gpu-box</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Read key</source>
        <translation>Clave de lectura</translation>
    </message>
    <message>
        <source>Trust this certificate (pin its fingerprint)</source>
        <translation>Confiar en este certificado (fijar su huella)</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Probar la conexión</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Heartbeat listener</source>
        <translation>Receptor de latidos</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Puerto</translation>
    </message>
    <message>
        <source>Watching</source>
        <translation>Vigilancia</translation>
    </message>
    <message>
        <source>Default interval</source>
        <translation>Intervalo predeterminado</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Default grace</source>
        <translation>Margen predeterminado</translation>
    </message>
    <message>
        <source>one more interval</source>
        <translation>un intervalo más</translation>
    </message>
    <message>
        <source>Keep heartbeats for</source>
        <translation>Conservar latidos durante</translation>
    </message>
    <message>
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <source>Budget days in</source>
        <translation>Días de presupuesto en</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notificaciones</translation>
    </message>
    <message>
        <source>Agent dead</source>
        <translation>Agente muerto</translation>
    </message>
    <message>
        <source>Crash</source>
        <translation>Fallo</translation>
    </message>
    <message>
        <source>Loop</source>
        <translation>Bucle</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Presupuesto</translation>
    </message>
    <message>
        <source>Play a sound</source>
        <translation>Reproducir un sonido</translation>
    </message>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Start ClevAgent when I log in</source>
        <translation>Iniciar ClevAgent al iniciar sesión</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
</context>
<context>
    <name>clev::AboutDialog</name>
    <message>
        <source>About ClevAgent</source>
        <translation>Acerca de ClevAgent</translation>
    </message>
    <message>
        <source>A local monitor for AI agents: heartbeats, crashes, loops and spending.</source>
        <translation>Un monitor local para agentes de IA: latidos, fallos, bucles y gastos.</translation>
    </message>
    <message>
        <source>%1 (built with %2)</source>
        <translation>%1 (compilado con %2)</translation>
    </message>
    <message>
        <source>License:</source>
        <translation>Licencia:</translation>
    </message>
    <message>
        <source>Qt version:</source>
        <translation>Versión de Qt:</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>Carpeta de datos:</translation>
    </message>
    <message>
        <source>Documentation:</source>
        <translation>Documentación:</translation>
    </message>
</context>
<context>
    <name>clev::AgentDetailView</name>
    <message>
        <source>Last hour</source>
        <translation>Última hora</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Últimas 24 horas</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Últimos 30 días</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coste</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Entrada</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Salida</translation>
    </message>
    <message>
        <source>Cache read</source>
        <translation>Lectura de caché</translation>
    </message>
    <message>
        <source>Cache write</source>
        <translation>Escritura de caché</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Recibido</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Through</source>
        <translation>Mediante</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Por qué</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Abierta</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resuelto</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Confirmado</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>The crash report&apos;s traceback (select to copy)</source>
        <translation>El traceback del informe de fallo (selecciónelo para copiarlo)</translation>
    </message>
    <message>
        <source>Time range</source>
        <translation>Intervalo de tiempo</translation>
    </message>
    <message>
        <source>Cost or tokens</source>
        <translation>Coste o tokens</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Cronología</translation>
    </message>
    <message>
        <source>Recent beats</source>
        <translation>Latidos recientes</translation>
    </message>
    <message>
        <source>Restarts</source>
        <translation>Reinicios</translation>
    </message>
    <message>
        <source>The agent&apos;s alerts</source>
        <translation>Alertas del agente</translation>
    </message>
    <message>
        <source>Incident detail</source>
        <translation>Detalle del incidente</translation>
    </message>
    <message>
        <source>Usage by model</source>
        <translation>Uso por modelo</translation>
    </message>
    <message>
        <source>Crash report</source>
        <translation>Informe del fallo</translation>
    </message>
    <message>
        <source>Usage chart</source>
        <translation>Gráfico de uso</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agente</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alertas</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>Estado: %1</translation>
    </message>
    <message>
        <source>Last seen: %1</source>
        <translation>Visto por última vez: %1</translation>
    </message>
    <message>
        <source>Expected every %1 s</source>
        <translation>Esperado cada %1 s</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>Modelo: %1</translation>
    </message>
    <message>
        <source>Today: %1 tokens, %2</source>
        <translation>Hoy: %1 tokens, %2</translation>
    </message>
    <message>
        <source>restarted</source>
        <translation>reiniciado</translation>
    </message>
    <message>
        <source>restarted; before: %1</source>
        <translation>reiniciado; antes: %1</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>falló: %1</translation>
    </message>
    <message>
        <source>Restarts (%1)</source>
        <translation>Reinicios (%1)</translation>
    </message>
    <message>
        <source>open</source>
        <translation>abierta</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Alerts (%1)</source>
        <translation>Alertas (%1)</translation>
    </message>
    <message>
        <source>total $%1</source>
        <translation>total $%1</translation>
    </message>
    <message>
        <source>total %1 tokens</source>
        <translation>total %1 tokens</translation>
    </message>
    <message>
        <source>%1 per iteration (24 h)</source>
        <translation>%1 por iteración (24 h)</translation>
    </message>
    <message>
        <source>(not named)</source>
        <translation>(sin nombre)</translation>
    </message>
    <message>
        <source>Usage by model over the last 30 days</source>
        <translation>Uso por modelo en los últimos 30 días</translation>
    </message>
    <message>
        <source>Usage by model over the last 24 hours</source>
        <translation>Uso por modelo en las últimas 24 horas</translation>
    </message>
</context>
<context>
    <name>clev::AgentSettingsDialog</name>
    <message>
        <source>Settings of %1</source>
        <translation>Ajustes de %1</translation>
    </message>
    <message>
        <source>now: %1 s</source>
        <translation>ahora: %1 s</translation>
    </message>
    <message>
        <source>not known yet</source>
        <translation>aún desconocido</translation>
    </message>
    <message>
        <source>in local days; alerts at 80, 95 and 100 %</source>
        <translation>en días locales; alertas al 80, 95 y 100 %</translation>
    </message>
    <message>
        <source>A daily budget must be more than $0. Untick the box for no budget.</source>
        <translation>Un presupuesto diario debe ser mayor que 0 $. Desmarque la casilla para no tener presupuesto.</translation>
    </message>
    <message>
        <source>Do not restart</source>
        <translation>No reiniciar</translation>
    </message>
    <message>
        <source>Docker container</source>
        <translation>Contenedor Docker</translation>
    </message>
    <message>
        <source>systemd unit</source>
        <translation>Unidad de systemd</translation>
    </message>
    <message>
        <source>systemd user unit</source>
        <translation>Unidad de usuario de systemd</translation>
    </message>
    <message>
        <source>auto (the container the agent runs in)</source>
        <translation>auto (el contenedor del agente)</translation>
    </message>
    <message>
        <source>unit name, e.g. my-agent.service</source>
        <translation>nombre de la unidad, p. ej. my-agent.service</translation>
    </message>
    <message>
        <source>Enter the systemd unit to restart, such as my-agent.service.</source>
        <translation>Introduzca la unidad de systemd que reiniciar, como my-agent.service.</translation>
    </message>
    <message>
        <source>A container or unit name holds only letters, digits and _ . - @ :</source>
        <translation>Un nombre de contenedor o unidad solo lleva letras, dígitos y _ . - @ :</translation>
    </message>
</context>
<context>
    <name>clev::AgentsModel</name>
    <message numerus="yes">
        <source>%n s ago</source>
        <translation>
            <numerusform>hace %n s</numerusform>
            <numerusform>hace %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>hace %n min</numerusform>
            <numerusform>hace %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>hace %n h</numerusform>
            <numerusform>hace %n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days ago</source>
        <translation>
            <numerusform>hace %n día</numerusform>
            <numerusform>hace %n días</numerusform>
        </translation>
    </message>
    <message>
        <source>new</source>
        <translation>nuevo</translation>
    </message>
    <message>
        <source>healthy</source>
        <translation>sano</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>aviso</translation>
    </message>
    <message>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <source>late</source>
        <translation>retrasado</translation>
    </message>
    <message>
        <source>dead</source>
        <translation>muerto</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>detenido</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>en pausa</translation>
    </message>
    <message numerus="yes">
        <source>%n beats today used a model without a known price: not counted</source>
        <translation>
            <numerusform>%n latido de hoy usó un modelo sin precio conocido: no se cuenta</numerusform>
            <numerusform>%n latidos de hoy usaron un modelo sin precio conocido: no se cuentan</numerusform>
        </translation>
    </message>
    <message>
        <source>, looping</source>
        <translation>, en bucle</translation>
    </message>
    <message>
        <source>, over budget</source>
        <translation>, sobre presupuesto</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agente</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Visto por última vez</translation>
    </message>
    <message>
        <source>Interval</source>
        <translation>Intervalo</translation>
    </message>
    <message>
        <source>Tokens today</source>
        <translation>Tokens hoy</translation>
    </message>
    <message>
        <source>Cost today</source>
        <translation>Coste hoy</translation>
    </message>
    <message>
        <source>Iteration</source>
        <translation>Iteración</translation>
    </message>
    <message>
        <source>Last message</source>
        <translation>Último mensaje</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>No history read yet</source>
        <translation>Aún no se ha leído el historial</translation>
    </message>
    <message>
        <source>Uptime: %1 in the last 24 h, %2 in the last 30 days (time dead or in error counts as down; paused, stopped and before the first beat do not count)</source>
        <translation>Disponibilidad: %1 en las últimas 24 h, %2 en los últimos 30 días (el tiempo muerto o en error cuenta como caído; en pausa, detenido y antes del primer latido no cuenta)</translation>
    </message>
    <message numerus="yes">
        <source>Last %n beats: </source>
        <translation>
            <numerusform>Último %n latido: </numerusform>
            <numerusform>Últimos %n latidos: </numerusform>
        </translation>
    </message>
    <message>
        <source>%1 on time, %2 late, %3 missed</source>
        <translation>%1 a tiempo, %2 tarde, %3 perdidos</translation>
    </message>
    <message numerus="yes">
        <source>, %n with an error</source>
        <translation>
            <numerusform>, %n con error</numerusform>
            <numerusform>, %n con error</numerusform>
        </translation>
    </message>
    <message>
        <source>Cost in the last 24 hours: %1 (at most %2 in one hour)</source>
        <translation>Coste en las últimas 24 horas: %1 (como máximo %2 en una hora)</translation>
    </message>
    <message>
        <source>Last beats</source>
        <translation>Últimos latidos</translation>
    </message>
    <message>
        <source>Uptime 24 h</source>
        <translation>Disponibilidad 24 h</translation>
    </message>
    <message>
        <source>Cost 24 h</source>
        <translation>Coste 24 h</translation>
    </message>
</context>
<context>
    <name>clev::AlertsModel</name>
    <message>
        <source>resolved</source>
        <translation>resuelta</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>confirmada</translation>
    </message>
    <message>
        <source>open (silenced)</source>
        <translation>abierta (silenciada)</translation>
    </message>
    <message>
        <source>open</source>
        <translation>abierta</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Abierta</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agente</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detalle</translation>
    </message>
    <message>
        <source>dead</source>
        <translation>muerto</translation>
    </message>
    <message>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <source>crash</source>
        <translation>fallo</translation>
    </message>
    <message>
        <source>loop</source>
        <translation>bucle</translation>
    </message>
    <message>
        <source>budget</source>
        <translation>presupuesto</translation>
    </message>
    <message>
        <source>project budget</source>
        <translation>presupuesto del proyecto</translation>
    </message>
    <message>
        <source>restart failed</source>
        <translation>reinicio fallido</translation>
    </message>
    <message>
        <source>flapping</source>
        <translation>inestable</translation>
    </message>
    <message>
        <source>Open for %1 so far</source>
        <translation>Abierta desde hace %1</translation>
    </message>
    <message>
        <source>%1 so far</source>
        <translation>%1 hasta ahora</translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n día</numerusform>
            <numerusform>%n días</numerusform>
        </translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resuelta</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Reconocida</translation>
    </message>
</context>
<context>
    <name>clev::ApiKeysDialog</name>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clave</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>Permisos</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creada</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Último uso</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Give the key a name, so you know later where it is used.</source>
        <translation>Dé un nombre a la clave para saber después dónde se usa.</translation>
    </message>
    <message>
        <source>Choose at least one scope: ingest to send heartbeats, read to read the status.</source>
        <translation>Elija al menos un permiso: ingesta para enviar latidos, lectura para leer el estado.</translation>
    </message>
    <message>
        <source>The key was not created: %1</source>
        <translation>No se creó la clave: %1</translation>
    </message>
    <message>
        <source>The key works, but no copy could be kept in the keychain (%1). Copy it now.</source>
        <translation>La clave funciona, pero no se pudo guardar una copia en el llavero (%1). Cópiela ahora.</translation>
    </message>
    <message>
        <source>Revoke %1?</source>
        <translation>¿Revocar %1?</translation>
    </message>
    <message>
        <source>Agents using %1 get 401 from now on. Revoke it?</source>
        <translation>Los agentes que usan %1 recibirán 401 a partir de ahora. ¿Revocarla?</translation>
    </message>
    <message>
        <source>Could not %1: %2</source>
        <translation>No se pudo %1: %2</translation>
    </message>
    <message>
        <source>revoked %1</source>
        <translation>revocada %1</translation>
    </message>
    <message>
        <source>active</source>
        <translation>activa</translation>
    </message>
</context>
<context>
    <name>clev::ChannelEditDialog</name>
    <message>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Webhook</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <source>STARTTLS (port 587)</source>
        <translation>STARTTLS (puerto 587)</translation>
    </message>
    <message>
        <source>TLS (port 465)</source>
        <translation>TLS (puerto 465)</translation>
    </message>
    <message>
        <source>None (local relays only)</source>
        <translation>Ninguna (solo relés locales)</translation>
    </message>
    <message>
        <source>Sending a test notification…</source>
        <translation>Enviando una notificación de prueba…</translation>
    </message>
    <message>
        <source>Sent: the test notification reached &apos;%1&apos;.</source>
        <translation>Enviada: la notificación de prueba llegó a «%1».</translation>
    </message>
    <message>
        <source>The test failed: %1</source>
        <translation>La prueba falló: %1</translation>
    </message>
    <message>
        <source>New alert channel</source>
        <translation>Nuevo canal de alertas</translation>
    </message>
    <message>
        <source>Alert channel %1</source>
        <translation>Canal de alertas %1</translation>
    </message>
    <message>
        <source>Events API URL</source>
        <translation>URL de la API de eventos</translation>
    </message>
    <message>
        <source>Routing key</source>
        <translation>Clave de enrutamiento</translation>
    </message>
    <message>
        <source>Webhook URL</source>
        <translation>URL del webhook</translation>
    </message>
    <message>
        <source>Signing secret (optional)</source>
        <translation>Secreto de firma (opcional)</translation>
    </message>
    <message>
        <source>Give the channel a name.</source>
        <translation>Dé un nombre al canal.</translation>
    </message>
    <message>
        <source>A channel name has at most 64 characters and no &apos;/&apos;.</source>
        <translation>Un nombre de canal tiene como máximo 64 caracteres y ninguna «/».</translation>
    </message>
    <message>
        <source>There is already a channel named &apos;%1&apos;.</source>
        <translation>Ya existe un canal llamado «%1».</translation>
    </message>
    <message>
        <source>Choose at least one kind of alert for this channel.</source>
        <translation>Elija al menos un tipo de alerta para este canal.</translation>
    </message>
    <message>
        <source>Enter the SMTP server&apos;s host name, such as mail.example.com.</source>
        <translation>Introduzca el nombre del servidor SMTP, como mail.example.com.</translation>
    </message>
    <message>
        <source>The sender must be an e-mail address.</source>
        <translation>El remitente debe ser una dirección de correo.</translation>
    </message>
    <message>
        <source>Enter at least one recipient.</source>
        <translation>Introduzca al menos un destinatario.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an e-mail address.</source>
        <translation>«%1» no es una dirección de correo.</translation>
    </message>
    <message>
        <source>Enter the password for %1, or clear the user for a server without sign-in.</source>
        <translation>Introduzca la contraseña de %1, o deje vacío el usuario para un servidor sin inicio de sesión.</translation>
    </message>
    <message>
        <source>Enter the URL to send alerts to.</source>
        <translation>Introduzca la URL a la que enviar las alertas.</translation>
    </message>
    <message>
        <source>The URL must start with https:// (or http:// for a receiver on your own network).</source>
        <translation>La URL debe empezar por https:// (o http:// para un receptor de su propia red).</translation>
    </message>
    <message>
        <source>Enter the PagerDuty routing key (Integration Key of an Events API v2 integration).</source>
        <translation>Introduzca la clave de enrutamiento de PagerDuty (Integration Key de una integración Events API v2).</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
</context>
<context>
    <name>clev::ChannelStore</name>
    <message>
        <source>The secrets of channel &apos;%1&apos; are not in the keychain: edit the channel to enter them again.</source>
        <translation>Los secretos del canal «%1» no están en el llavero: edite el canal para volver a introducirlos.</translation>
    </message>
    <message>
        <source>Alert channels are off: %1</source>
        <translation>Los canales de alertas están desactivados: %1</translation>
    </message>
    <message>
        <source>Nothing was saved: %1</source>
        <translation>No se guardó nada: %1</translation>
    </message>
    <message>
        <source>The channel was not removed: %1</source>
        <translation>No se quitó el canal: %1</translation>
    </message>
</context>
<context>
    <name>clev::ChannelsDialog</name>
    <message>
        <source>Remove %1?</source>
        <translation>¿Quitar %1?</translation>
    </message>
    <message>
        <source>Remove the channel &apos;%1&apos; and its secrets from the keychain?</source>
        <translation>¿Quitar el canal «%1» y sus secretos del llavero?</translation>
    </message>
    <message>
        <source>all alerts</source>
        <translation>todas las alertas</translation>
    </message>
    <message>
        <source>No channels yet: alerts show in this window and the tray only.</source>
        <translation>Aún no hay canales: las alertas solo aparecen en esta ventana y en la bandeja.</translation>
    </message>
    <message>
        <source>Saved. Secrets are in the keychain.</source>
        <translation>Guardado. Los secretos están en el llavero.</translation>
    </message>
    <message>
        <source>Sending a test notification to &apos;%1&apos;…</source>
        <translation>Enviando una notificación de prueba a «%1»…</translation>
    </message>
    <message>
        <source>Sent: the test notification reached &apos;%1&apos;.</source>
        <translation>Enviada: la notificación de prueba llegó a «%1».</translation>
    </message>
    <message>
        <source>The test failed: %1</source>
        <translation>La prueba falló: %1</translation>
    </message>
</context>
<context>
    <name>clev::CombinedSource</name>
    <message>
        <source>all sources</source>
        <translation>todas las fuentes</translation>
    </message>
</context>
<context>
    <name>clev::ConnectAgentDialog</name>
    <message>
        <source>There is no ingest key yet: create one in API keys.</source>
        <translation>Aún no hay clave de ingesta: cree una en Claves de API.</translation>
    </message>
    <message>
        <source>The key comes from the system keychain.</source>
        <translation>La clave procede del llavero del sistema.</translation>
    </message>
    <message>
        <source>Only a hash of this key is stored here, so it cannot be shown: the snippets use $CLEVAGENT_API_KEY. Create a new key in API keys to copy one.</source>
        <translation>De esta clave solo se guarda un hash, por lo que no se puede mostrar: los fragmentos usan $CLEVAGENT_API_KEY. Cree una clave nueva en Claves de API para copiarla.</translation>
    </message>
</context>
<context>
    <name>clev::CostsView</name>
    <message>
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agente</translation>
    </message>
    <message>
        <source>Spent today</source>
        <translation>Gastado hoy</translation>
    </message>
    <message>
        <source>Daily budget</source>
        <translation>Presupuesto diario</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>Usado</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>Previsión</translation>
    </message>
    <message>
        <source>others</source>
        <translation>otros</translation>
    </message>
    <message numerus="yes">
        <source>Cost per day, last %n day(s)</source>
        <translation>
            <numerusform>Coste por día, último %n día</numerusform>
            <numerusform>Coste por día, últimos %n días</numerusform>
        </translation>
    </message>
    <message>
        <source>No priced usage in this period yet.</source>
        <translation>Aún no hay uso con precio en este periodo.</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;$%1&lt;/b&gt; in %n day(s). Top: %2</source>
        <translation>
            <numerusform>&lt;b&gt;$%1&lt;/b&gt; en %n día. Los que más: %2</numerusform>
            <numerusform>&lt;b&gt;$%1&lt;/b&gt; en %n días. Los que más: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;Today against budget&lt;/b&gt; — no agent has a daily budget yet (set one in the agent&apos;s settings).</source>
        <translation>&lt;b&gt;Hoy frente al presupuesto&lt;/b&gt;: ningún agente tiene aún presupuesto diario (fíjelo en los ajustes del agente).</translation>
    </message>
    <message>
        <source>&lt;b&gt;Today against budget&lt;/b&gt;</source>
        <translation>&lt;b&gt;Hoy frente al presupuesto&lt;/b&gt;</translation>
    </message>
    <message>
        <source>over budget</source>
        <translation>sobre presupuesto</translation>
    </message>
    <message>
        <source>reaches the budget at %1 at the last hour&apos;s rate</source>
        <translation>alcanza el presupuesto a las %1 al ritmo de la última hora</translation>
    </message>
    <message>
        <source>stays within budget today</source>
        <translation>hoy se mantiene dentro del presupuesto</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>No se puede escribir %1: %2</translation>
    </message>
</context>
<context>
    <name>clev::CredentialStore</name>
    <message>
        <source>Nothing is stored under this name in the keychain.</source>
        <translation>No hay nada guardado con este nombre en el llavero.</translation>
    </message>
    <message>
        <source>The keychain refused access (it is locked, or access was denied). Unlock it and try again.</source>
        <translation>El llavero denegó el acceso (está bloqueado o se rechazó el acceso). Desbloquéelo e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>No keychain is available: start a Secret Service such as GNOME Keyring or KWallet, then try again.</source>
        <translation>No hay llavero disponible: inicie un Secret Service como GNOME Keyring o KWallet e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>The keychain could not delete the entry: %1</source>
        <translation>El llavero no pudo eliminar la entrada: %1</translation>
    </message>
    <message>
        <source>The keychain is not usable: %1. Secrets are not stored anywhere else.</source>
        <translation>El llavero no se puede usar: %1. Los secretos no se guardan en ningún otro sitio.</translation>
    </message>
    <message>
        <source>The keychain did not answer within %1 s: it may be locked behind an unlock prompt. Unlock it (for example in GNOME Keyring&apos;s &quot;Passwords and Keys&quot;) and try again.</source>
        <translation>El llavero no respondió en %1 s: puede estar bloqueado tras una solicitud de desbloqueo. Desbloquéelo (por ejemplo en «Contraseñas y claves» de GNOME) e inténtelo de nuevo.</translation>
    </message>
</context>
<context>
    <name>clev::DeliveriesModel</name>
    <message>
        <source>sent</source>
        <translation>enviada</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fallida</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>pendiente</translation>
    </message>
    <message>
        <source>next attempt %1</source>
        <translation>próximo intento %1</translation>
    </message>
    <message>
        <source>%1; next attempt %2</source>
        <translation>%1; próximo intento %2</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>En cola</translation>
    </message>
    <message>
        <source>Sent or given up</source>
        <translation>Enviada o abandonada</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Intentos</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
</context>
<context>
    <name>clev::DesktopApp</name>
    <message>
        <source>&amp;ClevAgent</source>
        <translation>&amp;ClevAgent</translation>
    </message>
    <message>
        <source>&amp;Connect an agent…</source>
        <translation>&amp;Conectar un agente…</translation>
    </message>
    <message>
        <source>API &amp;keys…</source>
        <translation>Claves de &amp;API…</translation>
    </message>
    <message>
        <source>Alert c&amp;hannels…</source>
        <translation>Canales de a&amp;lertas…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>A&amp;justes…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>Iniciar al iniciar sesión</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>The new language is used from the next start of ClevAgent.</source>
        <translation>El nuevo idioma se usará desde el próximo inicio de ClevAgent.</translation>
    </message>
    <message>
        <source>Add a &amp;remote instance…</source>
        <translation>Añadir una instancia &amp;remota…</translation>
    </message>
    <message>
        <source>Remove a remote instance…</source>
        <translation>Quitar una instancia remota…</translation>
    </message>
    <message>
        <source>Cannot watch %1: its key cannot be read from the keychain (%2)</source>
        <translation>No se puede vigilar %1: su clave no se puede leer del llavero (%2)</translation>
    </message>
    <message>
        <source>not there</source>
        <translation>no está</translation>
    </message>
    <message>
        <source>Nothing was added: %1</source>
        <translation>No se añadió nada: %1</translation>
    </message>
    <message>
        <source>Add a remote instance</source>
        <translation>Añadir una instancia remota</translation>
    </message>
    <message>
        <source>Remove a remote instance</source>
        <translation>Quitar una instancia remota</translation>
    </message>
    <message>
        <source>There is no remote instance.</source>
        <translation>No hay ninguna instancia remota.</translation>
    </message>
    <message>
        <source>Stop watching:</source>
        <translation>Dejar de vigilar:</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;Documentation</source>
        <translation>&amp;Documentación</translation>
    </message>
    <message>
        <source>&amp;About ClevAgent</source>
        <translation>&amp;Acerca de ClevAgent</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Acerca de &amp;Qt</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Atajos de teclado</translation>
    </message>
</context>
<context>
    <name>clev::DesktopNotifier</name>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Mute 1 h</source>
        <translation>Silenciar 1 h</translation>
    </message>
</context>
<context>
    <name>clev::LocalMonitor</name>
    <message>
        <source>Listening on %1</source>
        <translation>Escuchando en %1</translation>
    </message>
    <message>
        <source>reach the engine</source>
        <translation>contactar con el motor</translation>
    </message>
    <message>
        <source>the local engine is not running</source>
        <translation>el motor local no está en marcha</translation>
    </message>
    <message>
        <source>acknowledge</source>
        <translation>confirmar</translation>
    </message>
    <message>
        <source>paused from the desktop app</source>
        <translation>pausado desde la aplicación de escritorio</translation>
    </message>
    <message>
        <source>pause %1</source>
        <translation>pausar %1</translation>
    </message>
    <message>
        <source>unknown agent</source>
        <translation>agente desconocido</translation>
    </message>
    <message>
        <source>resume</source>
        <translation>reanudar</translation>
    </message>
    <message>
        <source>the agent is not paused</source>
        <translation>el agente no está en pausa</translation>
    </message>
    <message>
        <source>forget %1</source>
        <translation>olvidar %1</translation>
    </message>
    <message>
        <source>save the settings of %1</source>
        <translation>guardar los ajustes de %1</translation>
    </message>
    <message>
        <source>silence %1</source>
        <translation>silenciar %1</translation>
    </message>
    <message>
        <source>list the API keys</source>
        <translation>listar las claves de API</translation>
    </message>
    <message>
        <source>no active key %1</source>
        <translation>no hay ninguna clave activa %1</translation>
    </message>
    <message>
        <source>revoke %1</source>
        <translation>revocar %1</translation>
    </message>
    <message>
        <source>restart %1</source>
        <translation>reiniciar %1</translation>
    </message>
    <message>
        <source>no such alert</source>
        <translation>no existe esa alerta</translation>
    </message>
</context>
<context>
    <name>clev::MainWindow</name>
    <message>
        <source>All states</source>
        <translation>Todos los estados</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Todos los tipos</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Cualquier fecha</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Últimas 24 horas</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Últimos 7 días</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Últimos 30 días</translation>
    </message>
    <message>
        <source>Export alerts</source>
        <translation>Exportar alertas</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>Hecho: %1</translation>
    </message>
    <message>
        <source>Could not %1: %2</source>
        <translation>No se pudo %1: %2</translation>
    </message>
    <message>
        <source>Costs</source>
        <translation>Costes</translation>
    </message>
    <message>
        <source>Export costs</source>
        <translation>Exportar costes</translation>
    </message>
    <message>
        <source>Forget %1?</source>
        <translation>¿Olvidar %1?</translation>
    </message>
    <message>
        <source>Delete %1 with its heartbeats, usage, timeline, alerts and settings? If it beats again it comes back as a new agent.</source>
        <translation>¿Eliminar %1 con sus latidos, uso, cronología, alertas y ajustes? Si vuelve a latir, aparecerá como un agente nuevo.</translation>
    </message>
    <message>
        <source>Select an alert, or type an agent name or pattern (such as batch-*) in the agent filter.</source>
        <translation>Seleccione una alerta, o escriba en el filtro de agente un nombre o un patrón (como batch-*).</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 hora</translation>
    </message>
    <message>
        <source>4 hours</source>
        <translation>4 horas</translation>
    </message>
    <message>
        <source>8 hours</source>
        <translation>8 horas</translation>
    </message>
    <message>
        <source>24 hours</source>
        <translation>24 horas</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 días</translation>
    </message>
    <message>
        <source>Silence %1</source>
        <translation>Silenciar %1</translation>
    </message>
    <message>
        <source>Mute notifications for %1 (alerts are still recorded) for:</source>
        <translation>Silenciar las notificaciones de %1 (las alertas se siguen registrando) durante:</translation>
    </message>
    <message>
        <source>silenced from the desktop app</source>
        <translation>silenciado desde la aplicación de escritorio</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>No se puede escribir %1: %2</translation>
    </message>
    <message>
        <source>(create one with: clevagent-server keys create --scope ingest)</source>
        <translation>(cree una con: clevagent-server keys create --scope ingest)</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>aviso</translation>
    </message>
    <message>
        <source>, looping</source>
        <translation>, en bucle</translation>
    </message>
    <message>
        <source>&lt;b&gt;Heartbeats are not received.&lt;/b&gt; %1&lt;br&gt;Choose another port:</source>
        <translation>&lt;b&gt;No se reciben latidos.&lt;/b&gt; %1&lt;br&gt;Elija otro puerto:</translation>
    </message>
    <message>
        <source>Not listening</source>
        <translation>Sin escuchar</translation>
    </message>
    <message numerus="yes">
        <source>%n agent(s)</source>
        <translation>
            <numerusform>%n agente</numerusform>
            <numerusform>%n agentes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n dead</source>
        <translation>
            <numerusform>, %n muerto</numerusform>
            <numerusform>, %n muertos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n late</source>
        <translation>
            <numerusform>, %n retrasado</numerusform>
            <numerusform>, %n retrasados</numerusform>
        </translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Este equipo</translation>
    </message>
    <message>
        <source>%1 (disconnected)</source>
        <translation>%1 (desconectado)</translation>
    </message>
    <message>
        <source>Watching %1</source>
        <translation>Vigilando %1</translation>
    </message>
    <message>
        <source>Select an alert to read its whole detail.</source>
        <translation>Seleccione una alerta para leer todo su detalle.</translation>
    </message>
    <message numerus="yes">
        <source>, %n with errors</source>
        <translation>
            <numerusform>, %n con errores</numerusform>
            <numerusform>, %n con errores</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: disconnected</source>
        <translation>%1: desconectado</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n dead)</source>
        <translation>
            <numerusform>%1 (%n caído)</numerusform>
            <numerusform>%1 (%n caídos)</numerusform>
        </translation>
    </message>
    <message>
        <source>The key for %1 is read-only: acknowledging, silencing, pausing and settings need an admin key (clevagent-server keys create --scope admin).</source>
        <translation>La clave de %1 es de solo lectura: confirmar, silenciar, pausar y los ajustes necesitan una clave de administrador (clevagent-server keys create --scope admin).</translation>
    </message>
    <message>
        <source>Select an agent to see its timeline, incidents and costs</source>
        <translation>Seleccione un agente para ver su cronología, sus incidentes y sus costes</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Orígenes</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Puerto</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Punto de acceso</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>Clave de API</translation>
    </message>
    <message>
        <source>Snippet</source>
        <translation>Fragmento de código</translation>
    </message>
    <message>
        <source>Filter agents by name or message</source>
        <translation>Filtrar agentes por nombre o mensaje</translation>
    </message>
    <message>
        <source>Filter agents by state</source>
        <translation>Filtrar agentes por estado</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>Agentes</translation>
    </message>
    <message>
        <source>Filter alerts by agent</source>
        <translation>Filtrar alertas por agente</translation>
    </message>
    <message>
        <source>Filter alerts by kind</source>
        <translation>Filtrar alertas por tipo</translation>
    </message>
    <message>
        <source>Filter alerts by period</source>
        <translation>Filtrar alertas por período</translation>
    </message>
    <message>
        <source>Alert history</source>
        <translation>Historial de alertas</translation>
    </message>
    <message>
        <source>Alert detail</source>
        <translation>Detalle de la alerta</translation>
    </message>
    <message>
        <source>Today against budget</source>
        <translation>Hoy frente al presupuesto</translation>
    </message>
    <message>
        <source>Find an agent</source>
        <translation>Buscar un agente</translation>
    </message>
    <message>
        <source>Show the agents</source>
        <translation>Mostrar los agentes</translation>
    </message>
    <message>
        <source>Show the alerts</source>
        <translation>Mostrar las alertas</translation>
    </message>
    <message>
        <source>Show the costs</source>
        <translation>Mostrar los costes</translation>
    </message>
    <message>
        <source>Costs chart</source>
        <translation>Gráfico de costes</translation>
    </message>
    <message>
        <source>The alert&apos;s notifications</source>
        <translation>Las notificaciones de la alerta</translation>
    </message>
    <message>
        <source>Reading how its notifications went…</source>
        <translation>Leyendo cómo fueron sus notificaciones…</translation>
    </message>
    <message>
        <source>Select an alert to see how its notifications went.</source>
        <translation>Seleccione una alerta para ver cómo fueron sus notificaciones.</translation>
    </message>
    <message>
        <source>Cannot read its notifications: %1</source>
        <translation>No se pueden leer sus notificaciones: %1</translation>
    </message>
    <message>
        <source>No channel was notified: none takes this kind of alert, or it was silenced or recorded only.</source>
        <translation>No se notificó a ningún canal: ninguno recibe este tipo de alerta, o estaba silenciada o solo se registró.</translation>
    </message>
    <message numerus="yes">
        <source>Notifications: %n channel(s)</source>
        <translation>
            <numerusform>Notificaciones: %n canal</numerusform>
            <numerusform>Notificaciones: %n canales</numerusform>
        </translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>Todas las fuentes</translation>
    </message>
    <message>
        <source>Showing the agents of every source</source>
        <translation>Mostrando los agentes de todas las fuentes</translation>
    </message>
</context>
<context>
    <name>clev::RemoteDialog</name>
    <message>
        <source>Give the instance a name (without &apos;/&apos;).</source>
        <translation>Dé un nombre a la instancia (sin «/»).</translation>
    </message>
    <message>
        <source>There is already an instance named &apos;%1&apos;.</source>
        <translation>Ya existe una instancia llamada «%1».</translation>
    </message>
    <message>
        <source>The address must look like https://host:9475.</source>
        <translation>La dirección debe tener la forma https://host:9475.</translation>
    </message>
    <message>
        <source>Enter the read key (it starts with cv_).</source>
        <translation>Introduzca la clave de lectura (empieza por cv_).</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Probando…</translation>
    </message>
    <message>
        <source>Trust this certificate (SHA-256 %1…)</source>
        <translation>Confiar en este certificado (SHA-256 %1…)</translation>
    </message>
</context>
<context>
    <name>clev::RemoteMonitor</name>
    <message>
        <source>the name %1 cannot be resolved (DNS)</source>
        <translation>no se puede resolver el nombre %1 (DNS)</translation>
    </message>
    <message>
        <source>nothing listens on %1:%2 (TCP connection refused); is clevagent-server running there?</source>
        <translation>nada escucha en %1:%2 (conexión TCP rechazada); ¿se está ejecutando clevagent-server allí?</translation>
    </message>
    <message>
        <source>no answer from %1 in time</source>
        <translation>sin respuesta de %1 a tiempo</translation>
    </message>
    <message>
        <source>the TLS handshake failed: %1</source>
        <translation>falló el protocolo de enlace TLS: %1</translation>
    </message>
    <message>
        <source>%1 closed the connection (is it HTTPS where HTTP is expected, or the other way round?)</source>
        <translation>%1 cerró la conexión (¿HTTPS donde se espera HTTP, o al revés?)</translation>
    </message>
    <message>
        <source>REFUSED: the server&apos;s certificate changed. Pinned %1, now %2. Someone may be in between; if the server got a new certificate, remove and add the connection again.</source>
        <translation>RECHAZADO: el certificado del servidor ha cambiado. Fijado %1, ahora %2. Puede haber alguien en medio; si el servidor tiene un certificado nuevo, quite la conexión y añádala de nuevo.</translation>
    </message>
    <message>
        <source>the server&apos;s certificate is not trusted (SHA-256 %1); test the connection to pin it</source>
        <translation>el certificado del servidor no es de confianza (SHA-256 %1); pruebe la conexión para fijarlo</translation>
    </message>
    <message>
        <source>the key was refused (401): %1</source>
        <translation>la clave fue rechazada (401): %1</translation>
    </message>
    <message>
        <source>the key may not do this (403): %1</source>
        <translation>la clave no tiene permiso para esto (403): %1</translation>
    </message>
    <message>
        <source>the server answered %1: %2</source>
        <translation>el servidor respondió %1: %2</translation>
    </message>
    <message>
        <source>%1: disconnected since %2 (%3); retrying in %4 s</source>
        <translation>%1: desconectado desde %2 (%3); reintento en %4 s</translation>
    </message>
    <message>
        <source>the key lacks the read scope (403)</source>
        <translation>a la clave le falta el permiso de lectura (403)</translation>
    </message>
    <message>
        <source>the server answered %1</source>
        <translation>el servidor respondió %1</translation>
    </message>
    <message>
        <source>the server ended the event stream</source>
        <translation>el servidor cerró el flujo de eventos</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>Conectado a %1</translation>
    </message>
    <message>
        <source>read the agents of %1</source>
        <translation>leer los agentes de %1</translation>
    </message>
    <message>
        <source>found %1 after reconnecting</source>
        <translation>encontrado %1 al reconectar</translation>
    </message>
    <message>
        <source>read the alerts</source>
        <translation>leer las alertas</translation>
    </message>
    <message>
        <source>acknowledge</source>
        <translation>confirmar</translation>
    </message>
    <message>
        <source>paused from ClevAgent Desktop</source>
        <translation>pausado desde ClevAgent Desktop</translation>
    </message>
    <message>
        <source>pause %1</source>
        <translation>pausar %1</translation>
    </message>
    <message>
        <source>resume</source>
        <translation>reanudar</translation>
    </message>
    <message>
        <source>read the costs</source>
        <translation>leer los costes</translation>
    </message>
    <message>
        <source>forget %1</source>
        <translation>olvidar %1</translation>
    </message>
    <message>
        <source>save the settings of %1</source>
        <translation>guardar los ajustes de %1</translation>
    </message>
    <message>
        <source>silence %1</source>
        <translation>silenciar %1</translation>
    </message>
    <message>
        <source>The address must look like https://host:9475 or http://host:9475.</source>
        <translation>La dirección debe tener la forma https://host:9475 o http://host:9475.</translation>
    </message>
    <message>
        <source>The name %1 cannot be resolved (DNS): %2</source>
        <translation>No se puede resolver el nombre %1 (DNS): %2</translation>
    </message>
    <message>
        <source>REFUSED: the certificate changed. Pinned %1, the server shows %2.</source>
        <translation>RECHAZADO: el certificado ha cambiado. Fijado %1, el servidor muestra %2.</translation>
    </message>
    <message>
        <source>TLS works, but the certificate is not signed by an authority this computer trusts. Its SHA-256 fingerprint is %1. Compare it with the one clevagent-server printed, then trust it.</source>
        <translation>TLS funciona, pero el certificado no está firmado por una autoridad en la que confíe este equipo. Su huella SHA-256 es %1. Compárela con la que mostró clevagent-server y después confíe en él.</translation>
    </message>
    <message>
        <source>%1 answers, but not as clevagent-server (HTTP %2 on /healthz).</source>
        <translation>%1 responde, pero no como clevagent-server (HTTP %2 en /healthz).</translation>
    </message>
    <message numerus="yes">
        <source>Connected: clevagent-server %1, %n agent(s).</source>
        <translation>
            <numerusform>Conectado: clevagent-server %1, %n agente.</numerusform>
            <numerusform>Conectado: clevagent-server %1, %n agentes.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server (version %1) refuses this key (401): check it, or create a read key there with &apos;clevagent-server keys create --scope read&apos;.</source>
        <translation>El servidor (versión %1) rechaza esta clave (401): compruébela, o cree allí una clave de lectura con «clevagent-server keys create --scope read».</translation>
    </message>
    <message>
        <source>This key may not read (403): it needs the read scope; an ingest key only sends heartbeats.</source>
        <translation>Esta clave no puede leer (403): necesita el permiso de lectura; una clave de ingesta solo envía latidos.</translation>
    </message>
    <message>
        <source>The server answered HTTP %1 on /api/v1/status.</source>
        <translation>El servidor respondió HTTP %1 en /api/v1/status.</translation>
    </message>
    <message>
        <source>the server sent more than %1 MiB in one answer or event; it was not read</source>
        <translation>el servidor envió más de %1 MiB en una respuesta o un evento; no se leyó</translation>
    </message>
    <message>
        <source>%1:%2 answers, but without TLS: that clevagent-server runs plain HTTP. Use http://%1:%2 (or start the server with --tls-cert and --tls-key).</source>
        <translation>%1:%2 responde, pero sin TLS: ese clevagent-server usa HTTP simple. Use http://%1:%2 (o inicie el servidor con --tls-cert y --tls-key).</translation>
    </message>
    <message>
        <source>restart %1</source>
        <translation>reiniciar %1</translation>
    </message>
</context>
<context>
    <name>clev::SettingsDialog</name>
    <message>
        <source>System language</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <source>127.0.0.1 — this computer only</source>
        <translation>127.0.0.1: solo este equipo</translation>
    </message>
    <message>
        <source>0.0.0.0 — every network of this computer</source>
        <translation>0.0.0.0: todas las redes de este equipo</translation>
    </message>
    <message>
        <source>::1 — this computer only (IPv6)</source>
        <translation>::1: solo este equipo (IPv6)</translation>
    </message>
    <message>
        <source>System time zone (%1)</source>
        <translation>Zona horaria del sistema (%1)</translation>
    </message>
    <message>
        <source>Listen beyond this computer?</source>
        <translation>¿Escuchar más allá de este equipo?</translation>
    </message>
    <message>
        <source>On %1, agents on other machines can reach ClevAgent. Anyone with a valid key can then send heartbeats, and the port is open to your network: make sure a firewall or a VPN limits who can reach it. Listen on %1?</source>
        <translation>En %1, los agentes de otras máquinas pueden llegar a ClevAgent. Cualquiera con una clave válida podrá enviar latidos y el puerto quedará abierto a su red: asegúrese de que un cortafuegos o una VPN limite quién puede acceder. ¿Escuchar en %1?</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an IP address. Use 127.0.0.1 for this computer only, or the address of one of its networks.</source>
        <translation>«%1» no es una dirección IP. Use 127.0.0.1 para este equipo solamente, o la dirección de una de sus redes.</translation>
    </message>
    <message>
        <source>Ports below 1024 need administrator rights; choose 1024 or above (the default is 9475).</source>
        <translation>Los puertos por debajo de 1024 requieren permisos de administrador; elija 1024 o superior (el predeterminado es 9475).</translation>
    </message>
    <message>
        <source>System (follow the desktop)</source>
        <translation>Sistema (como el escritorio)</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
</context>
<context>
    <name>clev::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
</context>
<context>
    <name>clev::StatusStrip</name>
    <message>
        <source>Show only %1 agents; click again to show all</source>
        <translation>Mostrar solo los agentes en estado «%1»; otro clic los muestra todos</translation>
    </message>
    <message>
        <source>Show the open incidents in the Alerts tab</source>
        <translation>Mostrar los incidentes abiertos en la pestaña Alertas</translation>
    </message>
    <message>
        <source>Today %1 of %2 in daily budgets</source>
        <translation>Hoy %1 de %2 en presupuestos diarios</translation>
    </message>
    <message>
        <source>Today %1 (no daily budgets)</source>
        <translation>Hoy %1 (sin presupuestos diarios)</translation>
    </message>
    <message numerus="yes">
        <source>%n open incident(s)</source>
        <translation>
            <numerusform>%n incidente abierto</numerusform>
            <numerusform>%n incidentes abiertos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>clev::StatusWindow</name>
    <message>
        <source>ClevAgent status</source>
        <translation>Estado de ClevAgent</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Mute 1 h</source>
        <translation>Silenciar 1 h</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>No agents yet</source>
        <translation>Aún no hay agentes</translation>
    </message>
</context>
<context>
    <name>clev::TimelineBar</name>
    <message>
        <source>States over the last 24 hours</source>
        <translation>Estados de las últimas 24 horas</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <source>%1
%2 – %3 (%4)</source>
        <translation>%1
%2 – %3 (%4)</translation>
    </message>
</context>
<context>
    <name>clev::TrayController</name>
    <message>
        <source>Open ClevAgent</source>
        <translation>Abrir ClevAgent</translation>
    </message>
    <message>
        <source>Pause notifications for 1 hour</source>
        <translation>Pausar notificaciones durante 1 hora</translation>
    </message>
    <message>
        <source>Mute an agent for 1 hour</source>
        <translation>Silenciar un agente durante 1 hora</translation>
    </message>
    <message>
        <source>Sound on notifications</source>
        <translation>Sonido en las notificaciones</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>ClevAgent</source>
        <translation>ClevAgent</translation>
    </message>
    <message>
        <source>No system tray</source>
        <translation>Sin bandeja del sistema</translation>
    </message>
    <message>
        <source>This desktop has no system tray. ClevAgent shows a small status window that stays on top instead: it tells you when an agent dies, and closing the main window keeps monitoring there.</source>
        <translation>Este escritorio no tiene bandeja del sistema. ClevAgent muestra en su lugar una pequeña ventana de estado siempre visible: le avisa cuando un agente muere y, al cerrar la ventana principal, la vigilancia continúa ahí.</translation>
    </message>
    <message>
        <source>(no agent in trouble)</source>
        <translation>(ningún agente con problemas)</translation>
    </message>
    <message>
        <source>ClevAgent — %1</source>
        <translation>ClevAgent: %1</translation>
    </message>
    <message>
        <source>%1 is dead</source>
        <translation>%1 está muerto</translation>
    </message>
    <message>
        <source>%1 crashed</source>
        <translation>%1 ha fallado</translation>
    </message>
    <message>
        <source>%1 is looping</source>
        <translation>%1 está en bucle</translation>
    </message>
    <message>
        <source>%1 used %2 % of its budget</source>
        <translation>%1 ha usado el %2 % de su presupuesto</translation>
    </message>
    <message>
        <source>Project %1 used %2 % of its budget</source>
        <translation>El proyecto %1 ha usado el %2 % de su presupuesto</translation>
    </message>
    <message>
        <source>%1 is flapping</source>
        <translation>%1 cae y vuelve una y otra vez</translation>
    </message>
    <message numerus="yes">
        <source>It died %n times within %1 and came back each time; it is dead now. Its deaths and recoveries are not notified one by one until it stays up.</source>
        <translation>
            <numerusform>Cayó %n vez en %1 y volvió; ahora no responde. Sus caídas y vueltas no se notifican una a una hasta que se mantenga activo.</numerusform>
            <numerusform>Cayó %n veces en %1 y volvió cada vez; ahora no responde. Sus caídas y vueltas no se notifican una a una hasta que se mantenga activo.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is back</source>
        <translation>%1 ha vuelto</translation>
    </message>
    <message>
        <source>Agents in trouble</source>
        <translation>Agentes con problemas</translation>
    </message>
    <message>
        <source>, looping</source>
        <translation>, en bucle</translation>
    </message>
    <message>
        <source>, over budget</source>
        <translation>, sobre el presupuesto</translation>
    </message>
    <message>
        <source>%1 — %2, seen %3</source>
        <translation>%1 — %2, visto %3</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>More in the window…</source>
        <translation>Más en la ventana…</translation>
    </message>
    <message>
        <source>All agents are fine</source>
        <translation>Todos los agentes están bien</translation>
    </message>
</context>
<context>
    <name>clev::UsageChart</name>
    <message>
        <source>%1 tokens</source>
        <translation>%1 tokens</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coste</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Entrada</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Salida</translation>
    </message>
    <message>
        <source>Cache read</source>
        <translation>Lectura de caché</translation>
    </message>
    <message>
        <source>Cache write</source>
        <translation>Escritura de caché</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otros</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
</context>
</TS>
