<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AgentDetailView</name>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Pause alerts 1 h</source>
        <translation>Alarme 1 h pausieren</translation>
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
        <translation>Bis zur Fortsetzung</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Neu starten</translation>
    </message>
    <message>
        <source>Restart the agent now through its restart target (its container, unit or process)</source>
        <translation>Den Agenten jetzt über sein Neustartziel neu starten (Container, Unit oder Prozess)</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Einstellungen…</translation>
    </message>
    <message>
        <source>Forget…</source>
        <translation>Vergessen…</translation>
    </message>
    <message>
        <source>Delete this agent and everything stored about it</source>
        <translation>Diesen Agenten und alles über ihn Gespeicherte löschen</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>Verbrauch</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Recent beats</source>
        <translation>Letzte Heartbeats</translation>
    </message>
    <message>
        <source>Restarts</source>
        <translation>Neustarts</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>Select an incident to read its whole detail.</source>
        <translation>Wählen Sie einen Vorfall, um sein ganzes Detail zu lesen.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the incident&apos;s detail (a crash&apos;s traceback) to the clipboard</source>
        <translation>Das Detail des Vorfalls (den Traceback eines Absturzes) in die Zwischenablage kopieren</translation>
    </message>
</context>
<context>
    <name>AgentSettingsDialog</name>
    <message>
        <source>Agent settings</source>
        <translation>Agent-Einstellungen</translation>
    </message>
    <message>
        <source>Values set here win over what the agent sends and over the defaults. Leave a box unticked to use the default.</source>
        <translation>Hier gesetzte Werte haben Vorrang vor dem, was der Agent sendet, und vor den Standardwerten. Lassen Sie ein Kästchen leer, um den Standardwert zu verwenden.</translation>
    </message>
    <message>
        <source>Expected interval</source>
        <translation>Erwartetes Intervall</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Grace before dead</source>
        <translation>Karenz bis „tot“</translation>
    </message>
    <message>
        <source>default: one more interval</source>
        <translation>Standard: ein weiteres Intervall</translation>
    </message>
    <message>
        <source>Daily budget</source>
        <translation>Tagesbudget</translation>
    </message>
    <message>
        <source>Loop after the same tool call</source>
        <translation>Schleife nach gleichem Tool-Aufruf</translation>
    </message>
    <message>
        <source> times</source>
        <translation> Mal</translation>
    </message>
    <message>
        <source>default: 5 times in a row</source>
        <translation>Standard: 5-mal hintereinander</translation>
    </message>
    <message>
        <source>Iteration cap</source>
        <translation>Iterationsgrenze</translation>
    </message>
    <message>
        <source>default: no cap</source>
        <translation>Standard: keine Grenze</translation>
    </message>
    <message>
        <source>Restart when dead</source>
        <translation>Neustart, wenn tot</translation>
    </message>
</context>
<context>
    <name>ApiKeysDialog</name>
    <message>
        <source>API keys</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Agents send heartbeats with an ingest key; dashboards read with a read key. Only a hash of each key is stored: a key is shown once, when it is created.</source>
        <translation>Agenten senden Heartbeats mit einem Ingest-Schlüssel, Dashboards lesen mit einem Lese-Schlüssel. Gespeichert wird nur ein Hash jedes Schlüssels: Ein Schlüssel wird einmal angezeigt, wenn er erstellt wird.</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>New key</source>
        <translation>Neuer Schlüssel</translation>
    </message>
    <message>
        <source>Name, e.g. laptop agents</source>
        <translation>Name, z. B. Laptop-Agenten</translation>
    </message>
    <message>
        <source>Ingest</source>
        <translation>Ingest</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Lesen</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Erstellen</translation>
    </message>
    <message>
        <source>&lt;b&gt;Your new key&lt;/b&gt; — copy it now; it is not shown again here. A copy is kept in the system keychain for &quot;Connect an agent&quot;.</source>
        <translation>&lt;b&gt;Ihr neuer Schlüssel&lt;/b&gt; – kopieren Sie ihn jetzt; er wird hier nicht noch einmal angezeigt. Eine Kopie liegt für „Agent verbinden“ im Schlüsselbund des Systems.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
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
        <translation>über %1 neu gestartet (Versuch %2 von %3)</translation>
    </message>
    <message>
        <source>restart through %1 failed: %2</source>
        <translation>Neustart über %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1 after %2</source>
        <translation>%1 nach: %2</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1; %2</translation>
    </message>
    <message>
        <source>Agent &apos;%1&apos; spent its daily budget</source>
        <translation>Agent „%1“ hat sein Tagesbudget aufgebraucht</translation>
    </message>
    <message>
        <source>Agent &apos;%1&apos; used %2 % of its daily budget</source>
        <translation>Agent „%1“ hat %2 % seines Tagesbudgets verbraucht</translation>
    </message>
    <message>
        <source>Project &apos;%1&apos; spent its daily budget</source>
        <translation>Projekt „%1“ hat sein Tagesbudget aufgebraucht</translation>
    </message>
    <message>
        <source>Project &apos;%1&apos; used %2 % of its daily budget</source>
        <translation>Projekt „%1“ hat %2 % seines Tagesbudgets verbraucht</translation>
    </message>
    <message>
        <source>budget: %1 % of the daily %2 spent (%3)</source>
        <translation>Budget: %1 % des Tagesbudgets von %2 verbraucht (%3)</translation>
    </message>
    <message>
        <source>project &apos;%1&apos; budget: %2 % of the daily %3 spent (%4)</source>
        <translation>Budget des Projekts „%1“: %2 % des Tagesbudgets von %3 verbraucht (%4)</translation>
    </message>
    <message>
        <source>the tool &apos;%1&apos; was called %2 times in a row with the same arguments</source>
        <translation>das Werkzeug „%1“ wurde %2-mal hintereinander mit denselben Argumenten aufgerufen</translation>
    </message>
    <message>
        <source>the same prompts were sent on %1 beats in a row while tokens kept flowing</source>
        <translation>dieselben Prompts wurden in %1 Heartbeats hintereinander gesendet, während weiter Tokens verbraucht wurden</translation>
    </message>
    <message>
        <source>%1 tokens per beat on %2 beats running, over %3 x the 24 h mean of %4</source>
        <translation>%1 Tokens pro Heartbeat in %2 Heartbeats hintereinander, über dem %3-Fachen des 24-h-Mittels von %4</translation>
    </message>
    <message>
        <source>%1 tool calls per beat on %2 beats running, over %3 x the 24 h mean of %4</source>
        <translation>%1 Werkzeugaufrufe pro Heartbeat in %2 Heartbeats hintereinander, über dem %3-Fachen des 24-h-Mittels von %4</translation>
    </message>
    <message>
        <source>iteration %1 is past the cap of %2</source>
        <translation>Iteration %1 liegt über der Grenze von %2</translation>
    </message>
    <message>
        <source>beat: ok</source>
        <translation>Heartbeat: ok</translation>
    </message>
    <message>
        <source>beat: warning</source>
        <translation>Heartbeat: Warnung</translation>
    </message>
    <message>
        <source>beat: error</source>
        <translation>Heartbeat: Fehler</translation>
    </message>
    <message>
        <source>clean shutdown</source>
        <translation>sauber beendet</translation>
    </message>
    <message>
        <source>no beat for %1 (expected every %2)</source>
        <translation>seit %1 kein Heartbeat (erwartet alle %2)</translation>
    </message>
    <message>
        <source>no beat for %1</source>
        <translation>seit %1 kein Heartbeat</translation>
    </message>
    <message>
        <source>no beat since %1 (%2); found at start-up</source>
        <translation>kein Heartbeat seit %1 (%2); beim Start festgestellt</translation>
    </message>
    <message>
        <source>no beat since %1; found at start-up</source>
        <translation>kein Heartbeat seit %1; beim Start festgestellt</translation>
    </message>
    <message>
        <source>loop detected: %1</source>
        <translation>Schleife erkannt: %1</translation>
    </message>
    <message>
        <source>loop ended</source>
        <translation>Schleife beendet</translation>
    </message>
    <message>
        <source>paused until %1</source>
        <translation>pausiert bis %1</translation>
    </message>
    <message>
        <source>paused until resumed</source>
        <translation>pausiert bis zur Fortsetzung</translation>
    </message>
    <message>
        <source>pause ended</source>
        <translation>Pause beendet</translation>
    </message>
    <message>
        <source>pause ended while nothing watched</source>
        <translation>Pause endete, während nichts überwachte</translation>
    </message>
    <message>
        <source>resumed</source>
        <translation>fortgesetzt</translation>
    </message>
    <message>
        <source>interval or grace changed</source>
        <translation>Intervall oder Karenzzeit geändert</translation>
    </message>
    <message>
        <source>interval or grace changed; the next beat is due later</source>
        <translation>Intervall oder Karenzzeit geändert; der nächste Heartbeat ist später fällig</translation>
    </message>
    <message>
        <source>the agent is %1</source>
        <translation>der Agent ist %1</translation>
    </message>
    <message>
        <source>the agent is %1; its last message: %2</source>
        <translation>der Agent ist %1; seine letzte Nachricht: %2</translation>
    </message>
    <message>
        <source>restart: %1</source>
        <translation>Neustart: %1</translation>
    </message>
    <message>
        <source>died: %1</source>
        <translation>ausgefallen: %1</translation>
    </message>
    <message>
        <source>crashed: %1</source>
        <translation>abgestürzt: %1</translation>
    </message>
    <message>
        <source>exited: %1</source>
        <translation>beendet: %1</translation>
    </message>
    <message>
        <source>asked by a person</source>
        <translation>von einer Person angefordert</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Agent &apos;%1&apos; is dead</source>
        <translation>Agent „%1“ ist tot</translation>
    </message>
    <message>
        <source>Agent &apos;%1&apos; reports an error</source>
        <translation>Agent „%1“ meldet einen Fehler</translation>
    </message>
    <message>
        <source>Agent &apos;%1&apos; crashed</source>
        <translation>Agent „%1“ ist abgestürzt</translation>
    </message>
    <message>
        <source>Agent &apos;%1&apos; is looping</source>
        <translation>Agent „%1“ hängt in einer Schleife</translation>
    </message>
    <message>
        <source>Agent &apos;%1&apos; is flapping</source>
        <translation>Agent „%1“ flattert</translation>
    </message>
    <message>
        <source>Agent &apos;%1&apos; could not be restarted</source>
        <translation>Agent „%1“ konnte nicht neu gestartet werden</translation>
    </message>
    <message>
        <source>Agent &apos;%1&apos; exited</source>
        <translation>Agent „%1“ hat sich beendet</translation>
    </message>
    <message>
        <source>It died %1 times within %2 and came back each time; it is dead now (%3). Its deaths and recoveries are recorded but not notified one by one until it has stayed up for %2.</source>
        <translation>Er ist innerhalb von %2 %1-mal ausgefallen und jedes Mal zurückgekommen; jetzt ist er tot (%3). Ausfälle und Erholungen werden aufgezeichnet, aber nicht einzeln gemeldet, bis er %2 lang durchgehalten hat.</translation>
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
        <translation>%1 Tage</translation>
    </message>
    <message>
        <source>%1 (back after %2 of silence)</source>
        <translation>%1 (zurück nach %2 Stille)</translation>
    </message>
    <message>
        <source>%1; no beat for %2</source>
        <translation>%1; seit %2 kein Heartbeat</translation>
    </message>
    <message>
        <source>%1 (from the last stored beat, at start-up)</source>
        <translation>%1 (aus dem letzten gespeicherten Heartbeat, beim Start)</translation>
    </message>
    <message>
        <source>%1 (last spent by agent &apos;%2&apos;)</source>
        <translation>%1 (zuletzt ausgegeben von Agent „%2“)</translation>
    </message>
    <message>
        <source>%1 (found at start-up)</source>
        <translation>%1 (beim Start festgestellt)</translation>
    </message>
</context>
<context>
    <name>ChannelEditDialog</name>
    <message>
        <source>Alert channel</source>
        <translation>Alarmkanal</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>e.g. ops-slack</source>
        <translation>z. B. ops-slack</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Alerts it receives</source>
        <translation>Empfangene Alarme</translation>
    </message>
    <message>
        <source>Agent dead</source>
        <translation>Agent tot</translation>
    </message>
    <message>
        <source>Crash</source>
        <translation>Absturz</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Loop</source>
        <translation>Schleife</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Restart failed</source>
        <translation>Neustart fehlgeschlagen</translation>
    </message>
    <message>
        <source>Webhook URL</source>
        <translation>Webhook-URL</translation>
    </message>
    <message>
        <source>Signing secret</source>
        <translation>Signaturgeheimnis</translation>
    </message>
    <message>
        <source>SMTP server</source>
        <translation>SMTP-Server</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sicherheit</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <source>URLs, secrets and passwords are kept in the system keychain, never in a file.</source>
        <translation>URLs, Geheimnisse und Passwörter liegen im Schlüsselbund des Systems, nie in einer Datei.</translation>
    </message>
    <message>
        <source>Send test</source>
        <translation>Test senden</translation>
    </message>
</context>
<context>
    <name>ChannelsDialog</name>
    <message>
        <source>Alert channels</source>
        <translation>Alarmkanäle</translation>
    </message>
    <message>
        <source>Where alerts go besides this window: Slack, Discord, a webhook of your own, PagerDuty or e-mail.</source>
        <translation>Wohin Alarme außer in dieses Fenster gehen: Slack, Discord, ein eigener Webhook, PagerDuty oder E-Mail.</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Send test</source>
        <translation>Test senden</translation>
    </message>
</context>
<context>
    <name>ConnectAgentDialog</name>
    <message>
        <source>Connect an agent</source>
        <translation>Agent verbinden</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Agent name</source>
        <translation>Agentenname</translation>
    </message>
    <message>
        <source>Python SDK</source>
        <translation>Python-SDK</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>Copy snippet</source>
        <translation>Code kopieren</translation>
    </message>
</context>
<context>
    <name>DesktopSettings</name>
    <message>
        <source>Cannot remove %1</source>
        <translation>%1 kann nicht entfernt werden</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
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
        <translation>Diesen Port verwenden</translation>
    </message>
    <message>
        <source>&lt;h2&gt;No agents yet&lt;/h2&gt;&lt;p&gt;Add two lines to your agent and it appears here on its first heartbeat.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Noch keine Agenten&lt;/h2&gt;&lt;p&gt;Fügen Sie Ihrem Agenten zwei Zeilen hinzu, und er erscheint hier mit seinem ersten Heartbeat.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Python (pip install ./sdk/python):</source>
        <translation>Python (pip install ./sdk/python):</translation>
    </message>
    <message>
        <source>Copy snippet</source>
        <translation>Code kopieren</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>Agenten</translation>
    </message>
    <message>
        <source>Filter by name or message</source>
        <translation>Nach Name oder Meldung filtern</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>Open only</source>
        <translation>Nur offene</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <source>Silence…</source>
        <translation>Stummschalten…</translation>
    </message>
    <message>
        <source>Mute notifications for this agent (alerts are still recorded)</source>
        <translation>Benachrichtigungen für diesen Agenten stummschalten (Alarme werden weiter erfasst)</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>This computer and the remote instances</source>
        <translation>Dieser Computer und die entfernten Instanzen</translation>
    </message>
</context>
<context>
    <name>RemoteDialog</name>
    <message>
        <source>Add a remote instance</source>
        <translation>Entfernte Instanz hinzufügen</translation>
    </message>
    <message>
        <source>Watch the agents of a clevagent-server on another machine. It needs a key with the read scope (clevagent-server keys create --scope read); the key is kept in the system keychain.</source>
        <translation>Die Agenten eines clevagent-server auf einem anderen Rechner beobachten. Dafür ist ein Schlüssel mit Leseberechtigung nötig (clevagent-server keys create --scope read); er wird im Schlüsselbund des Systems aufbewahrt.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>e.g. gpu-box</source>
        <translation>z. B. gpu-box</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Read key</source>
        <translation>Lese-Schlüssel</translation>
    </message>
    <message>
        <source>Trust this certificate (pin its fingerprint)</source>
        <translation>Diesem Zertifikat vertrauen (Fingerabdruck festhalten)</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Heartbeat listener</source>
        <translation>Heartbeat-Empfang</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Watching</source>
        <translation>Überwachung</translation>
    </message>
    <message>
        <source>Default interval</source>
        <translation>Standardintervall</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Default grace</source>
        <translation>Standard-Karenz</translation>
    </message>
    <message>
        <source>one more interval</source>
        <translation>ein weiteres Intervall</translation>
    </message>
    <message>
        <source>Keep heartbeats for</source>
        <translation>Heartbeats aufbewahren</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Budget days in</source>
        <translation>Budget-Tage in</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>Agent dead</source>
        <translation>Agent tot</translation>
    </message>
    <message>
        <source>Crash</source>
        <translation>Absturz</translation>
    </message>
    <message>
        <source>Loop</source>
        <translation>Schleife</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Play a sound</source>
        <translation>Ton abspielen</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Start ClevAgent when I log in</source>
        <translation>ClevAgent bei der Anmeldung starten</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Erscheinungsbild</translation>
    </message>
</context>
<context>
    <name>clev::AboutDialog</name>
    <message>
        <source>About ClevAgent</source>
        <translation>Über ClevAgent</translation>
    </message>
    <message>
        <source>A local monitor for AI agents: heartbeats, crashes, loops and spending.</source>
        <translation>Ein lokaler Monitor für KI-Agenten: Heartbeats, Abstürze, Schleifen und Kosten.</translation>
    </message>
    <message>
        <source>%1 (built with %2)</source>
        <translation>%1 (erstellt mit %2)</translation>
    </message>
    <message>
        <source>License:</source>
        <translation>Lizenz:</translation>
    </message>
    <message>
        <source>Qt version:</source>
        <translation>Qt-Version:</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>Datenordner:</translation>
    </message>
    <message>
        <source>Documentation:</source>
        <translation>Dokumentation:</translation>
    </message>
</context>
<context>
    <name>clev::AgentDetailView</name>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>Cache read</source>
        <translation>Cache gelesen</translation>
    </message>
    <message>
        <source>Cache write</source>
        <translation>Cache geschrieben</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Through</source>
        <translation>Über</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Geöffnet</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Behoben</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Bestätigt</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>The crash report&apos;s traceback (select to copy)</source>
        <translation>Der Traceback des Absturzberichts (zum Kopieren markieren)</translation>
    </message>
    <message>
        <source>Time range</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Cost or tokens</source>
        <translation>Kosten oder Tokens</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Recent beats</source>
        <translation>Letzte Heartbeats</translation>
    </message>
    <message>
        <source>Restarts</source>
        <translation>Neustarts</translation>
    </message>
    <message>
        <source>The agent&apos;s alerts</source>
        <translation>Alarme des Agenten</translation>
    </message>
    <message>
        <source>Incident detail</source>
        <translation>Detail des Vorfalls</translation>
    </message>
    <message>
        <source>Usage by model</source>
        <translation>Verbrauch nach Modell</translation>
    </message>
    <message>
        <source>Crash report</source>
        <translation>Absturzbericht</translation>
    </message>
    <message>
        <source>Usage chart</source>
        <translation>Verbrauchsdiagramm</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>Zustand: %1</translation>
    </message>
    <message>
        <source>Last seen: %1</source>
        <translation>Zuletzt gesehen: %1</translation>
    </message>
    <message>
        <source>Expected every %1 s</source>
        <translation>Erwartet alle %1 s</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>Modell: %1</translation>
    </message>
    <message>
        <source>Today: %1 tokens, %2</source>
        <translation>Heute: %1 Tokens, %2</translation>
    </message>
    <message>
        <source>restarted</source>
        <translation>neu gestartet</translation>
    </message>
    <message>
        <source>restarted; before: %1</source>
        <translation>neu gestartet; vorher: %1</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Restarts (%1)</source>
        <translation>Neustarts (%1)</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Alerts (%1)</source>
        <translation>Alarme (%1)</translation>
    </message>
    <message>
        <source>total $%1</source>
        <translation>gesamt $%1</translation>
    </message>
    <message>
        <source>total %1 tokens</source>
        <translation>gesamt %1 Tokens</translation>
    </message>
    <message>
        <source>%1 per iteration (24 h)</source>
        <translation>%1 pro Iteration (24 h)</translation>
    </message>
    <message>
        <source>(not named)</source>
        <translation>(nicht genannt)</translation>
    </message>
    <message>
        <source>Usage by model over the last 30 days</source>
        <translation>Verbrauch nach Modell in den letzten 30 Tagen</translation>
    </message>
    <message>
        <source>Usage by model over the last 24 hours</source>
        <translation>Verbrauch nach Modell in den letzten 24 Stunden</translation>
    </message>
</context>
<context>
    <name>clev::AgentSettingsDialog</name>
    <message>
        <source>Settings of %1</source>
        <translation>Einstellungen von %1</translation>
    </message>
    <message>
        <source>now: %1 s</source>
        <translation>derzeit: %1 s</translation>
    </message>
    <message>
        <source>not known yet</source>
        <translation>noch nicht bekannt</translation>
    </message>
    <message>
        <source>in local days; alerts at 80, 95 and 100 %</source>
        <translation>in lokalen Tagen; Alarme bei 80, 95 und 100 %</translation>
    </message>
    <message>
        <source>A daily budget must be more than $0. Untick the box for no budget.</source>
        <translation>Ein Tagesbudget muss über 0 $ liegen. Entfernen Sie das Häkchen für kein Budget.</translation>
    </message>
    <message>
        <source>Do not restart</source>
        <translation>Nicht neu starten</translation>
    </message>
    <message>
        <source>Docker container</source>
        <translation>Docker-Container</translation>
    </message>
    <message>
        <source>systemd unit</source>
        <translation>systemd-Unit</translation>
    </message>
    <message>
        <source>systemd user unit</source>
        <translation>systemd-Benutzer-Unit</translation>
    </message>
    <message>
        <source>auto (the container the agent runs in)</source>
        <translation>auto (der Container des Agenten)</translation>
    </message>
    <message>
        <source>unit name, e.g. my-agent.service</source>
        <translation>Unit-Name, z. B. my-agent.service</translation>
    </message>
    <message>
        <source>Enter the systemd unit to restart, such as my-agent.service.</source>
        <translation>Geben Sie die neu zu startende systemd-Unit ein, z. B. my-agent.service.</translation>
    </message>
    <message>
        <source>A container or unit name holds only letters, digits and _ . - @ :</source>
        <translation>Ein Container- oder Unit-Name enthält nur Buchstaben, Ziffern und _ . - @ :</translation>
    </message>
</context>
<context>
    <name>clev::AgentsModel</name>
    <message numerus="yes">
        <source>%n s ago</source>
        <translation>
            <numerusform>vor %n s</numerusform>
            <numerusform>vor %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>vor %n min</numerusform>
            <numerusform>vor %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>vor %n h</numerusform>
            <numerusform>vor %n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days ago</source>
        <translation>
            <numerusform>vor %n Tag</numerusform>
            <numerusform>vor %n Tagen</numerusform>
        </translation>
    </message>
    <message>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <source>healthy</source>
        <translation>gesund</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>late</source>
        <translation>verspätet</translation>
    </message>
    <message>
        <source>dead</source>
        <translation>tot</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>beendet</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message numerus="yes">
        <source>%n beats today used a model without a known price: not counted</source>
        <translation>
            <numerusform>%n Heartbeat heute nutzte ein Modell ohne bekannten Preis: nicht gezählt</numerusform>
            <numerusform>%n Heartbeats heute nutzten ein Modell ohne bekannten Preis: nicht gezählt</numerusform>
        </translation>
    </message>
    <message>
        <source>, looping</source>
        <translation>, in Schleife</translation>
    </message>
    <message>
        <source>, over budget</source>
        <translation>, über Budget</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Zuletzt gesehen</translation>
    </message>
    <message>
        <source>Interval</source>
        <translation>Intervall</translation>
    </message>
    <message>
        <source>Tokens today</source>
        <translation>Tokens heute</translation>
    </message>
    <message>
        <source>Cost today</source>
        <translation>Kosten heute</translation>
    </message>
    <message>
        <source>Iteration</source>
        <translation>Iteration</translation>
    </message>
    <message>
        <source>Last message</source>
        <translation>Letzte Meldung</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>No history read yet</source>
        <translation>Noch kein Verlauf gelesen</translation>
    </message>
    <message>
        <source>Uptime: %1 in the last 24 h, %2 in the last 30 days (time dead or in error counts as down; paused, stopped and before the first beat do not count)</source>
        <translation>Verfügbarkeit: %1 in den letzten 24 h, %2 in den letzten 30 Tagen (Zeit als tot oder mit Fehler zählt als ausgefallen; pausiert, gestoppt und vor dem ersten Heartbeat zählt nicht)</translation>
    </message>
    <message numerus="yes">
        <source>Last %n beats: </source>
        <translation>
            <numerusform>Letzter %n Heartbeat: </numerusform>
            <numerusform>Letzte %n Heartbeats: </numerusform>
        </translation>
    </message>
    <message>
        <source>%1 on time, %2 late, %3 missed</source>
        <translation>%1 pünktlich, %2 verspätet, %3 ausgeblieben</translation>
    </message>
    <message numerus="yes">
        <source>, %n with an error</source>
        <translation>
            <numerusform>, %n mit Fehler</numerusform>
            <numerusform>, %n mit Fehler</numerusform>
        </translation>
    </message>
    <message>
        <source>Cost in the last 24 hours: %1 (at most %2 in one hour)</source>
        <translation>Kosten der letzten 24 Stunden: %1 (höchstens %2 in einer Stunde)</translation>
    </message>
    <message>
        <source>Last beats</source>
        <translation>Letzte Heartbeats</translation>
    </message>
    <message>
        <source>Uptime 24 h</source>
        <translation>Verfügbarkeit 24 h</translation>
    </message>
    <message>
        <source>Cost 24 h</source>
        <translation>Kosten 24 h</translation>
    </message>
</context>
<context>
    <name>clev::AlertsModel</name>
    <message>
        <source>resolved</source>
        <translation>behoben</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>bestätigt</translation>
    </message>
    <message>
        <source>open (silenced)</source>
        <translation>offen (stumm)</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Geöffnet</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>dead</source>
        <translation>tot</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>crash</source>
        <translation>Absturz</translation>
    </message>
    <message>
        <source>loop</source>
        <translation>Schleife</translation>
    </message>
    <message>
        <source>budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>project budget</source>
        <translation>Projektbudget</translation>
    </message>
    <message>
        <source>restart failed</source>
        <translation>Neustart fehlgeschlagen</translation>
    </message>
    <message>
        <source>flapping</source>
        <translation>flatternd</translation>
    </message>
    <message>
        <source>Open for %1 so far</source>
        <translation>Seit %1 offen</translation>
    </message>
    <message>
        <source>%1 so far</source>
        <translation>bisher %1</translation>
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
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Behoben</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Bestätigt</translation>
    </message>
</context>
<context>
    <name>clev::ApiKeysDialog</name>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>Berechtigungen</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Zuletzt benutzt</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Give the key a name, so you know later where it is used.</source>
        <translation>Geben Sie dem Schlüssel einen Namen, damit Sie später wissen, wo er verwendet wird.</translation>
    </message>
    <message>
        <source>Choose at least one scope: ingest to send heartbeats, read to read the status.</source>
        <translation>Wählen Sie mindestens eine Berechtigung: Ingest zum Senden von Heartbeats, Lesen zum Abfragen des Status.</translation>
    </message>
    <message>
        <source>The key was not created: %1</source>
        <translation>Der Schlüssel wurde nicht erstellt: %1</translation>
    </message>
    <message>
        <source>The key works, but no copy could be kept in the keychain (%1). Copy it now.</source>
        <translation>Der Schlüssel funktioniert, aber im Schlüsselbund konnte keine Kopie abgelegt werden (%1). Kopieren Sie ihn jetzt.</translation>
    </message>
    <message>
        <source>Revoke %1?</source>
        <translation>%1 widerrufen?</translation>
    </message>
    <message>
        <source>Agents using %1 get 401 from now on. Revoke it?</source>
        <translation>Agenten mit %1 erhalten ab jetzt 401. Widerrufen?</translation>
    </message>
    <message>
        <source>Could not %1: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>revoked %1</source>
        <translation>widerrufen %1</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
</context>
<context>
    <name>clev::ChannelEditDialog</name>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Webhook</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <source>STARTTLS (port 587)</source>
        <translation>STARTTLS (Port 587)</translation>
    </message>
    <message>
        <source>TLS (port 465)</source>
        <translation>TLS (Port 465)</translation>
    </message>
    <message>
        <source>None (local relays only)</source>
        <translation>Keine (nur lokale Relays)</translation>
    </message>
    <message>
        <source>Sending a test notification…</source>
        <translation>Testbenachrichtigung wird gesendet…</translation>
    </message>
    <message>
        <source>Sent: the test notification reached &apos;%1&apos;.</source>
        <translation>Gesendet: Die Testbenachrichtigung hat „%1“ erreicht.</translation>
    </message>
    <message>
        <source>The test failed: %1</source>
        <translation>Der Test ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>New alert channel</source>
        <translation>Neuer Alarmkanal</translation>
    </message>
    <message>
        <source>Alert channel %1</source>
        <translation>Alarmkanal %1</translation>
    </message>
    <message>
        <source>Events API URL</source>
        <translation>Events-API-URL</translation>
    </message>
    <message>
        <source>Routing key</source>
        <translation>Routing-Key</translation>
    </message>
    <message>
        <source>Webhook URL</source>
        <translation>Webhook-URL</translation>
    </message>
    <message>
        <source>Signing secret (optional)</source>
        <translation>Signaturgeheimnis (optional)</translation>
    </message>
    <message>
        <source>Give the channel a name.</source>
        <translation>Geben Sie dem Kanal einen Namen.</translation>
    </message>
    <message>
        <source>A channel name has at most 64 characters and no &apos;/&apos;.</source>
        <translation>Ein Kanalname hat höchstens 64 Zeichen und kein „/“.</translation>
    </message>
    <message>
        <source>There is already a channel named &apos;%1&apos;.</source>
        <translation>Es gibt bereits einen Kanal namens „%1“.</translation>
    </message>
    <message>
        <source>Choose at least one kind of alert for this channel.</source>
        <translation>Wählen Sie mindestens eine Alarmart für diesen Kanal.</translation>
    </message>
    <message>
        <source>Enter the SMTP server&apos;s host name, such as mail.example.com.</source>
        <translation>Geben Sie den Hostnamen des SMTP-Servers ein, z. B. mail.example.com.</translation>
    </message>
    <message>
        <source>The sender must be an e-mail address.</source>
        <translation>Der Absender muss eine E-Mail-Adresse sein.</translation>
    </message>
    <message>
        <source>Enter at least one recipient.</source>
        <translation>Geben Sie mindestens einen Empfänger ein.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an e-mail address.</source>
        <translation>„%1“ ist keine E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>Enter the password for %1, or clear the user for a server without sign-in.</source>
        <translation>Geben Sie das Passwort für %1 ein, oder leeren Sie den Benutzer für einen Server ohne Anmeldung.</translation>
    </message>
    <message>
        <source>Enter the URL to send alerts to.</source>
        <translation>Geben Sie die URL ein, an die Alarme gehen.</translation>
    </message>
    <message>
        <source>The URL must start with https:// (or http:// for a receiver on your own network).</source>
        <translation>Die URL muss mit https:// beginnen (oder http:// für einen Empfänger im eigenen Netz).</translation>
    </message>
    <message>
        <source>Enter the PagerDuty routing key (Integration Key of an Events API v2 integration).</source>
        <translation>Geben Sie den PagerDuty-Routing-Key ein (Integration Key einer Events-API-v2-Integration).</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
</context>
<context>
    <name>clev::ChannelStore</name>
    <message>
        <source>The secrets of channel &apos;%1&apos; are not in the keychain: edit the channel to enter them again.</source>
        <translation>Die Geheimnisse des Kanals „%1“ sind nicht im Schlüsselbund: Bearbeiten Sie den Kanal, um sie neu einzugeben.</translation>
    </message>
    <message>
        <source>Alert channels are off: %1</source>
        <translation>Alarmkanäle sind aus: %1</translation>
    </message>
    <message>
        <source>Nothing was saved: %1</source>
        <translation>Nichts wurde gespeichert: %1</translation>
    </message>
    <message>
        <source>The channel was not removed: %1</source>
        <translation>Der Kanal wurde nicht entfernt: %1</translation>
    </message>
</context>
<context>
    <name>clev::ChannelsDialog</name>
    <message>
        <source>Remove %1?</source>
        <translation>%1 entfernen?</translation>
    </message>
    <message>
        <source>Remove the channel &apos;%1&apos; and its secrets from the keychain?</source>
        <translation>Den Kanal „%1“ und seine Geheimnisse aus dem Schlüsselbund entfernen?</translation>
    </message>
    <message>
        <source>all alerts</source>
        <translation>alle Alarme</translation>
    </message>
    <message>
        <source>No channels yet: alerts show in this window and the tray only.</source>
        <translation>Noch keine Kanäle: Alarme erscheinen nur in diesem Fenster und im Infobereich.</translation>
    </message>
    <message>
        <source>Saved. Secrets are in the keychain.</source>
        <translation>Gespeichert. Die Geheimnisse liegen im Schlüsselbund.</translation>
    </message>
    <message>
        <source>Sending a test notification to &apos;%1&apos;…</source>
        <translation>Testbenachrichtigung an „%1“ wird gesendet…</translation>
    </message>
    <message>
        <source>Sent: the test notification reached &apos;%1&apos;.</source>
        <translation>Gesendet: Die Testbenachrichtigung hat „%1“ erreicht.</translation>
    </message>
    <message>
        <source>The test failed: %1</source>
        <translation>Der Test ist fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>clev::CombinedSource</name>
    <message>
        <source>all sources</source>
        <translation>alle Quellen</translation>
    </message>
</context>
<context>
    <name>clev::ConnectAgentDialog</name>
    <message>
        <source>There is no ingest key yet: create one in API keys.</source>
        <translation>Es gibt noch keinen Ingest-Schlüssel: Erstellen Sie einen unter API-Schlüssel.</translation>
    </message>
    <message>
        <source>The key comes from the system keychain.</source>
        <translation>Der Schlüssel stammt aus dem Schlüsselbund des Systems.</translation>
    </message>
    <message>
        <source>Only a hash of this key is stored here, so it cannot be shown: the snippets use $CLEVAGENT_API_KEY. Create a new key in API keys to copy one.</source>
        <translation>Von diesem Schlüssel ist hier nur ein Hash gespeichert, daher kann er nicht angezeigt werden: Die Beispiele verwenden $CLEVAGENT_API_KEY. Erstellen Sie unter API-Schlüssel einen neuen, um einen zu kopieren.</translation>
    </message>
</context>
<context>
    <name>clev::CostsView</name>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Spent today</source>
        <translation>Heute ausgegeben</translation>
    </message>
    <message>
        <source>Daily budget</source>
        <translation>Tagesbudget</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>Verbraucht</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>Prognose</translation>
    </message>
    <message>
        <source>others</source>
        <translation>andere</translation>
    </message>
    <message numerus="yes">
        <source>Cost per day, last %n day(s)</source>
        <translation>
            <numerusform>Kosten pro Tag, letzter %n Tag</numerusform>
            <numerusform>Kosten pro Tag, letzte %n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>No priced usage in this period yet.</source>
        <translation>In diesem Zeitraum noch kein bepreister Verbrauch.</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;$%1&lt;/b&gt; in %n day(s). Top: %2</source>
        <translation>
            <numerusform>&lt;b&gt;$%1&lt;/b&gt; an %n Tag. Spitze: %2</numerusform>
            <numerusform>&lt;b&gt;$%1&lt;/b&gt; in %n Tagen. Spitze: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;Today against budget&lt;/b&gt; — no agent has a daily budget yet (set one in the agent&apos;s settings).</source>
        <translation>&lt;b&gt;Heute im Vergleich zum Budget&lt;/b&gt; – noch kein Agent hat ein Tagesbudget (in den Einstellungen des Agenten festlegen).</translation>
    </message>
    <message>
        <source>&lt;b&gt;Today against budget&lt;/b&gt;</source>
        <translation>&lt;b&gt;Heute im Vergleich zum Budget&lt;/b&gt;</translation>
    </message>
    <message>
        <source>over budget</source>
        <translation>über Budget</translation>
    </message>
    <message>
        <source>reaches the budget at %1 at the last hour&apos;s rate</source>
        <translation>erreicht das Budget um %1 beim Tempo der letzten Stunde</translation>
    </message>
    <message>
        <source>stays within budget today</source>
        <translation>bleibt heute im Budget</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>clev::CredentialStore</name>
    <message>
        <source>Nothing is stored under this name in the keychain.</source>
        <translation>Unter diesem Namen ist im Schlüsselbund nichts gespeichert.</translation>
    </message>
    <message>
        <source>The keychain refused access (it is locked, or access was denied). Unlock it and try again.</source>
        <translation>Der Schlüsselbund hat den Zugriff verweigert (er ist gesperrt, oder der Zugriff wurde abgelehnt). Entsperren Sie ihn und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>No keychain is available: start a Secret Service such as GNOME Keyring or KWallet, then try again.</source>
        <translation>Kein Schlüsselbund verfügbar: Starten Sie einen Secret Service wie GNOME Keyring oder KWallet und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The keychain could not delete the entry: %1</source>
        <translation>Der Schlüsselbund konnte den Eintrag nicht löschen: %1</translation>
    </message>
    <message>
        <source>The keychain is not usable: %1. Secrets are not stored anywhere else.</source>
        <translation>Der Schlüsselbund ist nicht nutzbar: %1. Geheimnisse werden nirgendwo sonst gespeichert.</translation>
    </message>
    <message>
        <source>The keychain did not answer within %1 s: it may be locked behind an unlock prompt. Unlock it (for example in GNOME Keyring&apos;s &quot;Passwords and Keys&quot;) and try again.</source>
        <translation>Der Schlüsselbund hat nicht innerhalb von %1 s geantwortet: Er wartet vielleicht hinter einer Entsperrabfrage. Entsperren Sie ihn (etwa in „Passwörter und Verschlüsselung“ von GNOME) und versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>clev::DeliveriesModel</name>
    <message>
        <source>sent</source>
        <translation>gesendet</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <source>next attempt %1</source>
        <translation>nächster Versuch %1</translation>
    </message>
    <message>
        <source>%1; next attempt %2</source>
        <translation>%1; nächster Versuch %2</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Eingereiht</translation>
    </message>
    <message>
        <source>Sent or given up</source>
        <translation>Gesendet oder aufgegeben</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
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
        <translation>Agent &amp;verbinden…</translation>
    </message>
    <message>
        <source>API &amp;keys…</source>
        <translation>API-&amp;Schlüssel…</translation>
    </message>
    <message>
        <source>Alert c&amp;hannels…</source>
        <translation>&amp;Alarmkanäle…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>Beim Anmelden starten</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>The new language is used from the next start of ClevAgent.</source>
        <translation>Die neue Sprache gilt ab dem nächsten Start von ClevAgent.</translation>
    </message>
    <message>
        <source>Add a &amp;remote instance…</source>
        <translation>&amp;Entfernte Instanz hinzufügen…</translation>
    </message>
    <message>
        <source>Remove a remote instance…</source>
        <translation>Entfernte Instanz entfernen…</translation>
    </message>
    <message>
        <source>Cannot watch %1: its key cannot be read from the keychain (%2)</source>
        <translation>%1 kann nicht beobachtet werden: Sein Schlüssel ist im Schlüsselbund nicht lesbar (%2)</translation>
    </message>
    <message>
        <source>not there</source>
        <translation>nicht vorhanden</translation>
    </message>
    <message>
        <source>Nothing was added: %1</source>
        <translation>Nichts wurde hinzugefügt: %1</translation>
    </message>
    <message>
        <source>Add a remote instance</source>
        <translation>Entfernte Instanz hinzufügen</translation>
    </message>
    <message>
        <source>Remove a remote instance</source>
        <translation>Entfernte Instanz entfernen</translation>
    </message>
    <message>
        <source>There is no remote instance.</source>
        <translation>Es gibt keine entfernte Instanz.</translation>
    </message>
    <message>
        <source>Stop watching:</source>
        <translation>Nicht mehr beobachten:</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Documentation</source>
        <translation>&amp;Dokumentation</translation>
    </message>
    <message>
        <source>&amp;About ClevAgent</source>
        <translation>Ü&amp;ber ClevAgent</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
</context>
<context>
    <name>clev::DesktopNotifier</name>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Mute 1 h</source>
        <translation>1 h stumm</translation>
    </message>
</context>
<context>
    <name>clev::LocalMonitor</name>
    <message>
        <source>Listening on %1</source>
        <translation>Empfang auf %1</translation>
    </message>
    <message>
        <source>reach the engine</source>
        <translation>Engine erreichen</translation>
    </message>
    <message>
        <source>the local engine is not running</source>
        <translation>die lokale Engine läuft nicht</translation>
    </message>
    <message>
        <source>acknowledge</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <source>paused from the desktop app</source>
        <translation>in der Desktop-App pausiert</translation>
    </message>
    <message>
        <source>pause %1</source>
        <translation>%1 pausieren</translation>
    </message>
    <message>
        <source>unknown agent</source>
        <translation>unbekannter Agent</translation>
    </message>
    <message>
        <source>resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>the agent is not paused</source>
        <translation>der Agent ist nicht pausiert</translation>
    </message>
    <message>
        <source>forget %1</source>
        <translation>%1 vergessen</translation>
    </message>
    <message>
        <source>save the settings of %1</source>
        <translation>Einstellungen von %1 speichern</translation>
    </message>
    <message>
        <source>silence %1</source>
        <translation>%1 stummschalten</translation>
    </message>
    <message>
        <source>list the API keys</source>
        <translation>API-Schlüssel auflisten</translation>
    </message>
    <message>
        <source>no active key %1</source>
        <translation>kein aktiver Schlüssel %1</translation>
    </message>
    <message>
        <source>revoke %1</source>
        <translation>%1 widerrufen</translation>
    </message>
    <message>
        <source>restart %1</source>
        <translation>%1 neu starten</translation>
    </message>
    <message>
        <source>no such alert</source>
        <translation>kein solcher Alarm</translation>
    </message>
</context>
<context>
    <name>clev::MainWindow</name>
    <message>
        <source>All states</source>
        <translation>Alle Zustände</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Alle Arten</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Beliebige Zeit</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Export alerts</source>
        <translation>Alarme exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>Erledigt: %1</translation>
    </message>
    <message>
        <source>Could not %1: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Costs</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Export costs</source>
        <translation>Kosten exportieren</translation>
    </message>
    <message>
        <source>Forget %1?</source>
        <translation>%1 vergessen?</translation>
    </message>
    <message>
        <source>Delete %1 with its heartbeats, usage, timeline, alerts and settings? If it beats again it comes back as a new agent.</source>
        <translation>%1 mit Heartbeats, Verbrauch, Verlauf, Alarmen und Einstellungen löschen? Sendet er wieder, erscheint er als neuer Agent.</translation>
    </message>
    <message>
        <source>Select an alert, or type an agent name or pattern (such as batch-*) in the agent filter.</source>
        <translation>Wählen Sie einen Alarm, oder geben Sie im Agentenfilter einen Namen oder ein Muster (etwa batch-*) ein.</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message>
        <source>4 hours</source>
        <translation>4 Stunden</translation>
    </message>
    <message>
        <source>8 hours</source>
        <translation>8 Stunden</translation>
    </message>
    <message>
        <source>24 hours</source>
        <translation>24 Stunden</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 Tage</translation>
    </message>
    <message>
        <source>Silence %1</source>
        <translation>%1 stummschalten</translation>
    </message>
    <message>
        <source>Mute notifications for %1 (alerts are still recorded) for:</source>
        <translation>Benachrichtigungen für %1 stummschalten (Alarme werden weiter erfasst) für:</translation>
    </message>
    <message>
        <source>silenced from the desktop app</source>
        <translation>in der Desktop-App stummgeschaltet</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>(create one with: clevagent-server keys create --scope ingest)</source>
        <translation>(erstellen mit: clevagent-server keys create --scope ingest)</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>, looping</source>
        <translation>, in Schleife</translation>
    </message>
    <message>
        <source>&lt;b&gt;Heartbeats are not received.&lt;/b&gt; %1&lt;br&gt;Choose another port:</source>
        <translation>&lt;b&gt;Heartbeats werden nicht empfangen.&lt;/b&gt; %1&lt;br&gt;Wählen Sie einen anderen Port:</translation>
    </message>
    <message>
        <source>Not listening</source>
        <translation>Kein Empfang</translation>
    </message>
    <message numerus="yes">
        <source>%n agent(s)</source>
        <translation>
            <numerusform>%n Agent</numerusform>
            <numerusform>%n Agenten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n dead</source>
        <translation>
            <numerusform>, %n tot</numerusform>
            <numerusform>, %n tot</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n late</source>
        <translation>
            <numerusform>, %n verspätet</numerusform>
            <numerusform>, %n verspätet</numerusform>
        </translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Dieser Computer</translation>
    </message>
    <message>
        <source>%1 (disconnected)</source>
        <translation>%1 (getrennt)</translation>
    </message>
    <message>
        <source>Watching %1</source>
        <translation>Beobachte %1</translation>
    </message>
    <message>
        <source>Select an alert to read its whole detail.</source>
        <translation>Eine Warnung auswählen, um ihre ganzen Details zu lesen.</translation>
    </message>
    <message numerus="yes">
        <source>, %n with errors</source>
        <translation>
            <numerusform>, %n mit Fehler</numerusform>
            <numerusform>, %n mit Fehlern</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: disconnected</source>
        <translation>%1: getrennt</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n dead)</source>
        <translation>
            <numerusform>%1 (%n ausgefallen)</numerusform>
            <numerusform>%1 (%n ausgefallen)</numerusform>
        </translation>
    </message>
    <message>
        <source>The key for %1 is read-only: acknowledging, silencing, pausing and settings need an admin key (clevagent-server keys create --scope admin).</source>
        <translation>Der Schlüssel für %1 darf nur lesen: Bestätigen, Stummschalten, Pausieren und Einstellungen brauchen einen Admin-Schlüssel (clevagent-server keys create --scope admin).</translation>
    </message>
    <message>
        <source>Select an agent to see its timeline, incidents and costs</source>
        <translation>Wählen Sie einen Agenten, um seinen Verlauf, seine Vorfälle und Kosten zu sehen</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Quellen</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Snippet</source>
        <translation>Codeschnipsel</translation>
    </message>
    <message>
        <source>Filter agents by name or message</source>
        <translation>Agenten nach Name oder Meldung filtern</translation>
    </message>
    <message>
        <source>Filter agents by state</source>
        <translation>Agenten nach Zustand filtern</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>Agenten</translation>
    </message>
    <message>
        <source>Filter alerts by agent</source>
        <translation>Alarme nach Agent filtern</translation>
    </message>
    <message>
        <source>Filter alerts by kind</source>
        <translation>Alarme nach Art filtern</translation>
    </message>
    <message>
        <source>Filter alerts by period</source>
        <translation>Alarme nach Zeitraum filtern</translation>
    </message>
    <message>
        <source>Alert history</source>
        <translation>Alarmverlauf</translation>
    </message>
    <message>
        <source>Alert detail</source>
        <translation>Alarmdetails</translation>
    </message>
    <message>
        <source>Today against budget</source>
        <translation>Heute im Vergleich zum Budget</translation>
    </message>
    <message>
        <source>Find an agent</source>
        <translation>Agenten suchen</translation>
    </message>
    <message>
        <source>Show the agents</source>
        <translation>Agenten zeigen</translation>
    </message>
    <message>
        <source>Show the alerts</source>
        <translation>Alarme zeigen</translation>
    </message>
    <message>
        <source>Show the costs</source>
        <translation>Kosten zeigen</translation>
    </message>
    <message>
        <source>Costs chart</source>
        <translation>Kostendiagramm</translation>
    </message>
    <message>
        <source>The alert&apos;s notifications</source>
        <translation>Die Benachrichtigungen des Alarms</translation>
    </message>
    <message>
        <source>Reading how its notifications went…</source>
        <translation>Lese, wie die Benachrichtigungen verliefen …</translation>
    </message>
    <message>
        <source>Select an alert to see how its notifications went.</source>
        <translation>Wählen Sie einen Alarm, um zu sehen, wie seine Benachrichtigungen verliefen.</translation>
    </message>
    <message>
        <source>Cannot read its notifications: %1</source>
        <translation>Die Benachrichtigungen sind nicht lesbar: %1</translation>
    </message>
    <message>
        <source>No channel was notified: none takes this kind of alert, or it was silenced or recorded only.</source>
        <translation>Kein Kanal wurde benachrichtigt: keiner nimmt diese Art von Alarm an, oder er war stummgeschaltet oder wurde nur aufgezeichnet.</translation>
    </message>
    <message numerus="yes">
        <source>Notifications: %n channel(s)</source>
        <translation>
            <numerusform>Benachrichtigungen: %n Kanal</numerusform>
            <numerusform>Benachrichtigungen: %n Kanäle</numerusform>
        </translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>Alle Quellen</translation>
    </message>
    <message>
        <source>Showing the agents of every source</source>
        <translation>Zeigt die Agenten aller Quellen</translation>
    </message>
</context>
<context>
    <name>clev::RemoteDialog</name>
    <message>
        <source>Give the instance a name (without &apos;/&apos;).</source>
        <translation>Geben Sie der Instanz einen Namen (ohne „/“).</translation>
    </message>
    <message>
        <source>There is already an instance named &apos;%1&apos;.</source>
        <translation>Es gibt bereits eine Instanz namens „%1“.</translation>
    </message>
    <message>
        <source>The address must look like https://host:9475.</source>
        <translation>Die Adresse muss wie https://host:9475 aussehen.</translation>
    </message>
    <message>
        <source>Enter the read key (it starts with cv_).</source>
        <translation>Geben Sie den Lese-Schlüssel ein (er beginnt mit cv_).</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Wird getestet…</translation>
    </message>
    <message>
        <source>Trust this certificate (SHA-256 %1…)</source>
        <translation>Diesem Zertifikat vertrauen (SHA-256 %1…)</translation>
    </message>
</context>
<context>
    <name>clev::RemoteMonitor</name>
    <message>
        <source>the name %1 cannot be resolved (DNS)</source>
        <translation>der Name %1 lässt sich nicht auflösen (DNS)</translation>
    </message>
    <message>
        <source>nothing listens on %1:%2 (TCP connection refused); is clevagent-server running there?</source>
        <translation>auf %1:%2 lauscht nichts (TCP-Verbindung abgelehnt); läuft dort clevagent-server?</translation>
    </message>
    <message>
        <source>no answer from %1 in time</source>
        <translation>keine rechtzeitige Antwort von %1</translation>
    </message>
    <message>
        <source>the TLS handshake failed: %1</source>
        <translation>der TLS-Handshake ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>%1 closed the connection (is it HTTPS where HTTP is expected, or the other way round?)</source>
        <translation>%1 hat die Verbindung geschlossen (HTTPS statt HTTP oder umgekehrt?)</translation>
    </message>
    <message>
        <source>REFUSED: the server&apos;s certificate changed. Pinned %1, now %2. Someone may be in between; if the server got a new certificate, remove and add the connection again.</source>
        <translation>ABGELEHNT: Das Zertifikat des Servers hat sich geändert. Festgehalten %1, jetzt %2. Womöglich ist jemand dazwischen; hat der Server ein neues Zertifikat, entfernen Sie die Verbindung und fügen sie neu hinzu.</translation>
    </message>
    <message>
        <source>the server&apos;s certificate is not trusted (SHA-256 %1); test the connection to pin it</source>
        <translation>dem Zertifikat des Servers wird nicht vertraut (SHA-256 %1); testen Sie die Verbindung, um es festzuhalten</translation>
    </message>
    <message>
        <source>the key was refused (401): %1</source>
        <translation>der Schlüssel wurde abgelehnt (401): %1</translation>
    </message>
    <message>
        <source>the key may not do this (403): %1</source>
        <translation>der Schlüssel darf das nicht (403): %1</translation>
    </message>
    <message>
        <source>the server answered %1: %2</source>
        <translation>der Server antwortete %1: %2</translation>
    </message>
    <message>
        <source>%1: disconnected since %2 (%3); retrying in %4 s</source>
        <translation>%1: getrennt seit %2 (%3); neuer Versuch in %4 s</translation>
    </message>
    <message>
        <source>the key lacks the read scope (403)</source>
        <translation>dem Schlüssel fehlt die Leseberechtigung (403)</translation>
    </message>
    <message>
        <source>the server answered %1</source>
        <translation>der Server antwortete %1</translation>
    </message>
    <message>
        <source>the server ended the event stream</source>
        <translation>der Server hat den Ereignisstrom beendet</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>Verbunden mit %1</translation>
    </message>
    <message>
        <source>read the agents of %1</source>
        <translation>Agenten von %1 lesen</translation>
    </message>
    <message>
        <source>found %1 after reconnecting</source>
        <translation>nach dem Wiederverbinden als %1 vorgefunden</translation>
    </message>
    <message>
        <source>read the alerts</source>
        <translation>Alarme lesen</translation>
    </message>
    <message>
        <source>acknowledge</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <source>paused from ClevAgent Desktop</source>
        <translation>in ClevAgent Desktop pausiert</translation>
    </message>
    <message>
        <source>pause %1</source>
        <translation>%1 pausieren</translation>
    </message>
    <message>
        <source>resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>read the costs</source>
        <translation>Kosten lesen</translation>
    </message>
    <message>
        <source>forget %1</source>
        <translation>%1 vergessen</translation>
    </message>
    <message>
        <source>save the settings of %1</source>
        <translation>Einstellungen von %1 speichern</translation>
    </message>
    <message>
        <source>silence %1</source>
        <translation>%1 stummschalten</translation>
    </message>
    <message>
        <source>The address must look like https://host:9475 or http://host:9475.</source>
        <translation>Die Adresse muss wie https://host:9475 oder http://host:9475 aussehen.</translation>
    </message>
    <message>
        <source>The name %1 cannot be resolved (DNS): %2</source>
        <translation>Der Name %1 lässt sich nicht auflösen (DNS): %2</translation>
    </message>
    <message>
        <source>REFUSED: the certificate changed. Pinned %1, the server shows %2.</source>
        <translation>ABGELEHNT: Das Zertifikat hat sich geändert. Festgehalten %1, der Server zeigt %2.</translation>
    </message>
    <message>
        <source>TLS works, but the certificate is not signed by an authority this computer trusts. Its SHA-256 fingerprint is %1. Compare it with the one clevagent-server printed, then trust it.</source>
        <translation>TLS funktioniert, aber das Zertifikat ist nicht von einer Stelle signiert, der dieser Computer vertraut. Sein SHA-256-Fingerabdruck ist %1. Vergleichen Sie ihn mit dem von clevagent-server ausgegebenen und vertrauen Sie ihm dann.</translation>
    </message>
    <message>
        <source>%1 answers, but not as clevagent-server (HTTP %2 on /healthz).</source>
        <translation>%1 antwortet, aber nicht als clevagent-server (HTTP %2 auf /healthz).</translation>
    </message>
    <message numerus="yes">
        <source>Connected: clevagent-server %1, %n agent(s).</source>
        <translation>
            <numerusform>Verbunden: clevagent-server %1, %n Agent.</numerusform>
            <numerusform>Verbunden: clevagent-server %1, %n Agenten.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server (version %1) refuses this key (401): check it, or create a read key there with &apos;clevagent-server keys create --scope read&apos;.</source>
        <translation>Der Server (Version %1) lehnt diesen Schlüssel ab (401): Prüfen Sie ihn, oder erstellen Sie dort einen Lese-Schlüssel mit „clevagent-server keys create --scope read“.</translation>
    </message>
    <message>
        <source>This key may not read (403): it needs the read scope; an ingest key only sends heartbeats.</source>
        <translation>Dieser Schlüssel darf nicht lesen (403): Er braucht die Leseberechtigung; ein Ingest-Schlüssel sendet nur Heartbeats.</translation>
    </message>
    <message>
        <source>The server answered HTTP %1 on /api/v1/status.</source>
        <translation>Der Server antwortete HTTP %1 auf /api/v1/status.</translation>
    </message>
    <message>
        <source>the server sent more than %1 MiB in one answer or event; it was not read</source>
        <translation>der Server hat mehr als %1 MiB in einer Antwort oder einem Ereignis gesendet; es wurde nicht gelesen</translation>
    </message>
    <message>
        <source>%1:%2 answers, but without TLS: that clevagent-server runs plain HTTP. Use http://%1:%2 (or start the server with --tls-cert and --tls-key).</source>
        <translation>%1:%2 antwortet, aber ohne TLS: dieser clevagent-server spricht einfaches HTTP. http://%1:%2 verwenden (oder den Server mit --tls-cert und --tls-key starten).</translation>
    </message>
    <message>
        <source>restart %1</source>
        <translation>%1 neu starten</translation>
    </message>
</context>
<context>
    <name>clev::SettingsDialog</name>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>127.0.0.1 — this computer only</source>
        <translation>127.0.0.1 – nur dieser Computer</translation>
    </message>
    <message>
        <source>0.0.0.0 — every network of this computer</source>
        <translation>0.0.0.0 – alle Netze dieses Computers</translation>
    </message>
    <message>
        <source>::1 — this computer only (IPv6)</source>
        <translation>::1 – nur dieser Computer (IPv6)</translation>
    </message>
    <message>
        <source>System time zone (%1)</source>
        <translation>Systemzeitzone (%1)</translation>
    </message>
    <message>
        <source>Listen beyond this computer?</source>
        <translation>Über diesen Computer hinaus empfangen?</translation>
    </message>
    <message>
        <source>On %1, agents on other machines can reach ClevAgent. Anyone with a valid key can then send heartbeats, and the port is open to your network: make sure a firewall or a VPN limits who can reach it. Listen on %1?</source>
        <translation>Auf %1 können Agenten auf anderen Rechnern ClevAgent erreichen. Jeder mit einem gültigen Schlüssel kann dann Heartbeats senden, und der Port ist in Ihrem Netz offen: Sorgen Sie dafür, dass eine Firewall oder ein VPN begrenzt, wer ihn erreicht. Auf %1 empfangen?</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an IP address. Use 127.0.0.1 for this computer only, or the address of one of its networks.</source>
        <translation>„%1“ ist keine IP-Adresse. Verwenden Sie 127.0.0.1 für nur diesen Computer oder die Adresse eines seiner Netze.</translation>
    </message>
    <message>
        <source>Ports below 1024 need administrator rights; choose 1024 or above (the default is 9475).</source>
        <translation>Ports unter 1024 brauchen Administratorrechte; wählen Sie 1024 oder höher (Standard ist 9475).</translation>
    </message>
    <message>
        <source>System (follow the desktop)</source>
        <translation>System (wie die Arbeitsumgebung)</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
</context>
<context>
    <name>clev::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
</context>
<context>
    <name>clev::StatusStrip</name>
    <message>
        <source>Show only %1 agents; click again to show all</source>
        <translation>Nur Agenten im Zustand „%1“ zeigen; erneut klicken zeigt alle</translation>
    </message>
    <message>
        <source>Show the open incidents in the Alerts tab</source>
        <translation>Offene Vorfälle im Tab „Alarme“ zeigen</translation>
    </message>
    <message>
        <source>Today %1 of %2 in daily budgets</source>
        <translation>Heute %1 von %2 Tagesbudget</translation>
    </message>
    <message>
        <source>Today %1 (no daily budgets)</source>
        <translation>Heute %1 (keine Tagesbudgets)</translation>
    </message>
    <message numerus="yes">
        <source>%n open incident(s)</source>
        <translation>
            <numerusform>%n offener Vorfall</numerusform>
            <numerusform>%n offene Vorfälle</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>clev::StatusWindow</name>
    <message>
        <source>ClevAgent status</source>
        <translation>ClevAgent-Status</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Mute 1 h</source>
        <translation>1 h stumm</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>No agents yet</source>
        <translation>Noch keine Agenten</translation>
    </message>
</context>
<context>
    <name>clev::TimelineBar</name>
    <message>
        <source>States over the last 24 hours</source>
        <translation>Zustände der letzten 24 Stunden</translation>
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
        <translation>%1 T %2 h</translation>
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
        <translation>ClevAgent öffnen</translation>
    </message>
    <message>
        <source>Pause notifications for 1 hour</source>
        <translation>Benachrichtigungen 1 Stunde pausieren</translation>
    </message>
    <message>
        <source>Mute an agent for 1 hour</source>
        <translation>Einen Agenten 1 Stunde stummschalten</translation>
    </message>
    <message>
        <source>Sound on notifications</source>
        <translation>Ton bei Benachrichtigungen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>ClevAgent</source>
        <translation>ClevAgent</translation>
    </message>
    <message>
        <source>No system tray</source>
        <translation>Kein Infobereich</translation>
    </message>
    <message>
        <source>This desktop has no system tray. ClevAgent shows a small status window that stays on top instead: it tells you when an agent dies, and closing the main window keeps monitoring there.</source>
        <translation>Diese Arbeitsumgebung hat keinen Infobereich. ClevAgent zeigt stattdessen ein kleines Statusfenster, das im Vordergrund bleibt: Es meldet, wenn ein Agent stirbt, und nach dem Schließen des Hauptfensters wird dort weiter überwacht.</translation>
    </message>
    <message>
        <source>(no agent in trouble)</source>
        <translation>(kein Agent mit Problemen)</translation>
    </message>
    <message>
        <source>ClevAgent — %1</source>
        <translation>ClevAgent – %1</translation>
    </message>
    <message>
        <source>%1 is dead</source>
        <translation>%1 ist tot</translation>
    </message>
    <message>
        <source>%1 crashed</source>
        <translation>%1 ist abgestürzt</translation>
    </message>
    <message>
        <source>%1 is looping</source>
        <translation>%1 hängt in einer Schleife</translation>
    </message>
    <message>
        <source>%1 used %2 % of its budget</source>
        <translation>%1 hat %2 % seines Budgets verbraucht</translation>
    </message>
    <message>
        <source>Project %1 used %2 % of its budget</source>
        <translation>Projekt %1 hat %2 % seines Budgets verbraucht</translation>
    </message>
    <message>
        <source>%1 is flapping</source>
        <translation>%1 fällt immer wieder aus</translation>
    </message>
    <message numerus="yes">
        <source>It died %n times within %1 and came back each time; it is dead now. Its deaths and recoveries are not notified one by one until it stays up.</source>
        <translation>
            <numerusform>Er ist innerhalb von %1 %n-mal ausgefallen und jedes Mal zurückgekommen; jetzt antwortet er nicht. Ausfälle und Rückkehr werden nicht einzeln gemeldet, bis er stabil läuft.</numerusform>
            <numerusform>Er ist innerhalb von %1 %n-mal ausgefallen und jedes Mal zurückgekommen; jetzt antwortet er nicht. Ausfälle und Rückkehr werden nicht einzeln gemeldet, bis er stabil läuft.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is back</source>
        <translation>%1 ist zurück</translation>
    </message>
    <message>
        <source>Agents in trouble</source>
        <translation>Agenten mit Problemen</translation>
    </message>
    <message>
        <source>, looping</source>
        <translation>, in Schleife</translation>
    </message>
    <message>
        <source>, over budget</source>
        <translation>, über Budget</translation>
    </message>
    <message>
        <source>%1 — %2, seen %3</source>
        <translation>%1 — %2, gesehen %3</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>More in the window…</source>
        <translation>Mehr im Fenster …</translation>
    </message>
    <message>
        <source>All agents are fine</source>
        <translation>Alle Agenten sind in Ordnung</translation>
    </message>
</context>
<context>
    <name>clev::UsageChart</name>
    <message>
        <source>%1 tokens</source>
        <translation>%1 Tokens</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>Cache read</source>
        <translation>Cache gelesen</translation>
    </message>
    <message>
        <source>Cache write</source>
        <translation>Cache geschrieben</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstige</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
</context>
</TS>
