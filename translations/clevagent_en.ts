<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AgentDetailView</name>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Pause alerts 1 h</source>
        <translation>Pause alerts 1 h</translation>
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
        <translation>Until resumed</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Restart</translation>
    </message>
    <message>
        <source>Restart the agent now through its restart target (its container, unit or process)</source>
        <translation>Restart the agent now through its restart target (its container, unit or process)</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <source>Forget…</source>
        <translation>Forget…</translation>
    </message>
    <message>
        <source>Delete this agent and everything stored about it</source>
        <translation>Delete this agent and everything stored about it</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>Usage</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>Recent beats</source>
        <translation>Recent beats</translation>
    </message>
    <message>
        <source>Restarts</source>
        <translation>Restarts</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alerts</translation>
    </message>
    <message>
        <source>Select an incident to read its whole detail.</source>
        <translation>Select an incident to read its whole detail.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Copy the incident&apos;s detail (a crash&apos;s traceback) to the clipboard</source>
        <translation>Copy the incident&apos;s detail (a crash&apos;s traceback) to the clipboard</translation>
    </message>
</context>
<context>
    <name>AgentSettingsDialog</name>
    <message>
        <source>Agent settings</source>
        <translation>Agent settings</translation>
    </message>
    <message>
        <source>Values set here win over what the agent sends and over the defaults. Leave a box unticked to use the default.</source>
        <translation>Values set here win over what the agent sends and over the defaults. Leave a box unticked to use the default.</translation>
    </message>
    <message>
        <source>Expected interval</source>
        <translation>Expected interval</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Grace before dead</source>
        <translation>Grace before dead</translation>
    </message>
    <message>
        <source>default: one more interval</source>
        <translation>default: one more interval</translation>
    </message>
    <message>
        <source>Daily budget</source>
        <translation>Daily budget</translation>
    </message>
    <message>
        <source>Loop after the same tool call</source>
        <translation>Loop after the same tool call</translation>
    </message>
    <message>
        <source> times</source>
        <translation> times</translation>
    </message>
    <message>
        <source>default: 5 times in a row</source>
        <translation>default: 5 times in a row</translation>
    </message>
    <message>
        <source>Iteration cap</source>
        <translation>Iteration cap</translation>
    </message>
    <message>
        <source>default: no cap</source>
        <translation>default: no cap</translation>
    </message>
    <message>
        <source>Restart when dead</source>
        <translation>Restart when dead</translation>
    </message>
</context>
<context>
    <name>ApiKeysDialog</name>
    <message>
        <source>API keys</source>
        <translation>API keys</translation>
    </message>
    <message>
        <source>Agents send heartbeats with an ingest key; dashboards read with a read key. Only a hash of each key is stored: a key is shown once, when it is created.</source>
        <translation>Agents send heartbeats with an ingest key; dashboards read with a read key. Only a hash of each key is stored: a key is shown once, when it is created.</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Revoke</translation>
    </message>
    <message>
        <source>New key</source>
        <translation>New key</translation>
    </message>
    <message>
        <source>Name, e.g. laptop agents</source>
        <translation>Name, e.g. laptop agents</translation>
    </message>
    <message>
        <source>Ingest</source>
        <translation>Ingest</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Read</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>&lt;b&gt;Your new key&lt;/b&gt; — copy it now; it is not shown again here. A copy is kept in the system keychain for &quot;Connect an agent&quot;.</source>
        <translation>&lt;b&gt;Your new key&lt;/b&gt; — copy it now; it is not shown again here. A copy is kept in the system keychain for &quot;Connect an agent&quot;.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
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
        <translation>restarted through %1 (attempt %2 of %3)</translation>
    </message>
    <message>
        <source>restart through %1 failed: %2</source>
        <translation>restart through %1 failed: %2</translation>
    </message>
    <message>
        <source>%1 after %2</source>
        <translation>%1 after %2</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1; %2</translation>
    </message>
    <message>
        <source>Agent &apos;%1&apos; spent its daily budget</source>
        <translation>Agent &apos;%1&apos; spent its daily budget</translation>
    </message>
    <message>
        <source>Agent &apos;%1&apos; used %2 % of its daily budget</source>
        <translation>Agent &apos;%1&apos; used %2 % of its daily budget</translation>
    </message>
    <message>
        <source>Project &apos;%1&apos; spent its daily budget</source>
        <translation>Project &apos;%1&apos; spent its daily budget</translation>
    </message>
    <message>
        <source>Project &apos;%1&apos; used %2 % of its daily budget</source>
        <translation>Project &apos;%1&apos; used %2 % of its daily budget</translation>
    </message>
    <message>
        <source>budget: %1 % of the daily %2 spent (%3)</source>
        <translation>budget: %1 % of the daily %2 spent (%3)</translation>
    </message>
    <message>
        <source>project &apos;%1&apos; budget: %2 % of the daily %3 spent (%4)</source>
        <translation>project &apos;%1&apos; budget: %2 % of the daily %3 spent (%4)</translation>
    </message>
    <message>
        <source>the tool &apos;%1&apos; was called %2 times in a row with the same arguments</source>
        <translation>the tool &apos;%1&apos; was called %2 times in a row with the same arguments</translation>
    </message>
    <message>
        <source>the same prompts were sent on %1 beats in a row while tokens kept flowing</source>
        <translation>the same prompts were sent on %1 beats in a row while tokens kept flowing</translation>
    </message>
    <message>
        <source>%1 tokens per beat on %2 beats running, over %3 x the 24 h mean of %4</source>
        <translation>%1 tokens per beat on %2 beats running, over %3 x the 24 h mean of %4</translation>
    </message>
    <message>
        <source>%1 tool calls per beat on %2 beats running, over %3 x the 24 h mean of %4</source>
        <translation>%1 tool calls per beat on %2 beats running, over %3 x the 24 h mean of %4</translation>
    </message>
    <message>
        <source>iteration %1 is past the cap of %2</source>
        <translation>iteration %1 is past the cap of %2</translation>
    </message>
    <message>
        <source>beat: ok</source>
        <translation>beat: ok</translation>
    </message>
    <message>
        <source>beat: warning</source>
        <translation>beat: warning</translation>
    </message>
    <message>
        <source>beat: error</source>
        <translation>beat: error</translation>
    </message>
    <message>
        <source>clean shutdown</source>
        <translation>clean shutdown</translation>
    </message>
    <message>
        <source>no beat for %1 (expected every %2)</source>
        <translation>no beat for %1 (expected every %2)</translation>
    </message>
    <message>
        <source>no beat for %1</source>
        <translation>no beat for %1</translation>
    </message>
    <message>
        <source>no beat since %1 (%2); found at start-up</source>
        <translation>no beat since %1 (%2); found at start-up</translation>
    </message>
    <message>
        <source>no beat since %1; found at start-up</source>
        <translation>no beat since %1; found at start-up</translation>
    </message>
    <message>
        <source>loop detected: %1</source>
        <translation>loop detected: %1</translation>
    </message>
    <message>
        <source>loop ended</source>
        <translation>loop ended</translation>
    </message>
    <message>
        <source>paused until %1</source>
        <translation>paused until %1</translation>
    </message>
    <message>
        <source>paused until resumed</source>
        <translation>paused until resumed</translation>
    </message>
    <message>
        <source>pause ended</source>
        <translation>pause ended</translation>
    </message>
    <message>
        <source>pause ended while nothing watched</source>
        <translation>pause ended while nothing watched</translation>
    </message>
    <message>
        <source>resumed</source>
        <translation>resumed</translation>
    </message>
    <message>
        <source>interval or grace changed</source>
        <translation>interval or grace changed</translation>
    </message>
    <message>
        <source>interval or grace changed; the next beat is due later</source>
        <translation>interval or grace changed; the next beat is due later</translation>
    </message>
    <message>
        <source>the agent is %1</source>
        <translation>the agent is %1</translation>
    </message>
    <message>
        <source>the agent is %1; its last message: %2</source>
        <translation>the agent is %1; its last message: %2</translation>
    </message>
    <message>
        <source>restart: %1</source>
        <translation>restart: %1</translation>
    </message>
    <message>
        <source>died: %1</source>
        <translation>died: %1</translation>
    </message>
    <message>
        <source>crashed: %1</source>
        <translation>crashed: %1</translation>
    </message>
    <message>
        <source>exited: %1</source>
        <translation>exited: %1</translation>
    </message>
    <message>
        <source>asked by a person</source>
        <translation>asked by a person</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Agent &apos;%1&apos; is dead</source>
        <translation>Agent &apos;%1&apos; is dead</translation>
    </message>
    <message>
        <source>Agent &apos;%1&apos; reports an error</source>
        <translation>Agent &apos;%1&apos; reports an error</translation>
    </message>
    <message>
        <source>Agent &apos;%1&apos; crashed</source>
        <translation>Agent &apos;%1&apos; crashed</translation>
    </message>
    <message>
        <source>Agent &apos;%1&apos; is looping</source>
        <translation>Agent &apos;%1&apos; is looping</translation>
    </message>
    <message>
        <source>Agent &apos;%1&apos; is flapping</source>
        <translation>Agent &apos;%1&apos; is flapping</translation>
    </message>
    <message>
        <source>Agent &apos;%1&apos; could not be restarted</source>
        <translation>Agent &apos;%1&apos; could not be restarted</translation>
    </message>
    <message>
        <source>Agent &apos;%1&apos; exited</source>
        <translation>Agent &apos;%1&apos; exited</translation>
    </message>
    <message>
        <source>It died %1 times within %2 and came back each time; it is dead now (%3). Its deaths and recoveries are recorded but not notified one by one until it has stayed up for %2.</source>
        <translation>It died %1 times within %2 and came back each time; it is dead now (%3). Its deaths and recoveries are recorded but not notified one by one until it has stayed up for %2.</translation>
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
        <translation>%1 days</translation>
    </message>
    <message>
        <source>%1 (back after %2 of silence)</source>
        <translation>%1 (back after %2 of silence)</translation>
    </message>
    <message>
        <source>%1; no beat for %2</source>
        <translation>%1; no beat for %2</translation>
    </message>
    <message>
        <source>%1 (from the last stored beat, at start-up)</source>
        <translation>%1 (from the last stored beat, at start-up)</translation>
    </message>
    <message>
        <source>%1 (last spent by agent &apos;%2&apos;)</source>
        <translation>%1 (last spent by agent &apos;%2&apos;)</translation>
    </message>
    <message>
        <source>%1 (found at start-up)</source>
        <translation>%1 (found at start-up)</translation>
    </message>
</context>
<context>
    <name>ChannelEditDialog</name>
    <message>
        <source>Alert channel</source>
        <translation>Alert channel</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>e.g. ops-slack</source>
        <translation>e.g. ops-slack</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Alerts it receives</source>
        <translation>Alerts it receives</translation>
    </message>
    <message>
        <source>Agent dead</source>
        <translation>Agent dead</translation>
    </message>
    <message>
        <source>Crash</source>
        <translation>Crash</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Loop</source>
        <translation>Loop</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Restart failed</source>
        <translation>Restart failed</translation>
    </message>
    <message>
        <source>Webhook URL</source>
        <translation>Webhook URL</translation>
    </message>
    <message>
        <source>Signing secret</source>
        <translation>Signing secret</translation>
    </message>
    <message>
        <source>SMTP server</source>
        <translation>SMTP server</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Security</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>URLs, secrets and passwords are kept in the system keychain, never in a file.</source>
        <translation>URLs, secrets and passwords are kept in the system keychain, never in a file.</translation>
    </message>
    <message>
        <source>Send test</source>
        <translation>Send test</translation>
    </message>
</context>
<context>
    <name>ChannelsDialog</name>
    <message>
        <source>Alert channels</source>
        <translation>Alert channels</translation>
    </message>
    <message>
        <source>Where alerts go besides this window: Slack, Discord, a webhook of your own, PagerDuty or e-mail.</source>
        <translation>Where alerts go besides this window: Slack, Discord, a webhook of your own, PagerDuty or e-mail.</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Send test</source>
        <translation>Send test</translation>
    </message>
</context>
<context>
    <name>ConnectAgentDialog</name>
    <message>
        <source>Connect an agent</source>
        <translation>Connect an agent</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpoint</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API key</translation>
    </message>
    <message>
        <source>Agent name</source>
        <translation>Agent name</translation>
    </message>
    <message>
        <source>Python SDK</source>
        <translation>Python SDK</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Environment</translation>
    </message>
    <message>
        <source>Copy snippet</source>
        <translation>Copy snippet</translation>
    </message>
</context>
<context>
    <name>DesktopSettings</name>
    <message>
        <source>Cannot remove %1</source>
        <translation>Cannot remove %1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
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
        <translation>Use this port</translation>
    </message>
    <message>
        <source>&lt;h2&gt;No agents yet&lt;/h2&gt;&lt;p&gt;Add two lines to your agent and it appears here on its first heartbeat.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;No agents yet&lt;/h2&gt;&lt;p&gt;Add two lines to your agent and it appears here on its first heartbeat.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpoint</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API key</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Python (pip install ./sdk/python):</source>
        <translation>Python (pip install ./sdk/python):</translation>
    </message>
    <message>
        <source>Copy snippet</source>
        <translation>Copy snippet</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>Agents</translation>
    </message>
    <message>
        <source>Filter by name or message</source>
        <translation>Filter by name or message</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alerts</translation>
    </message>
    <message>
        <source>Open only</source>
        <translation>Open only</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Acknowledge</translation>
    </message>
    <message>
        <source>Silence…</source>
        <translation>Silence…</translation>
    </message>
    <message>
        <source>Mute notifications for this agent (alerts are still recorded)</source>
        <translation>Mute notifications for this agent (alerts are still recorded)</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <source>This computer and the remote instances</source>
        <translation>This computer and the remote instances</translation>
    </message>
</context>
<context>
    <name>RemoteDialog</name>
    <message>
        <source>Add a remote instance</source>
        <translation>Add a remote instance</translation>
    </message>
    <message>
        <source>Watch the agents of a clevagent-server on another machine. It needs a key with the read scope (clevagent-server keys create --scope read); the key is kept in the system keychain.</source>
        <translation>Watch the agents of a clevagent-server on another machine. It needs a key with the read scope (clevagent-server keys create --scope read); the key is kept in the system keychain.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>e.g. gpu-box</source>
        <translation>e.g. gpu-box</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Read key</source>
        <translation>Read key</translation>
    </message>
    <message>
        <source>Trust this certificate (pin its fingerprint)</source>
        <translation>Trust this certificate (pin its fingerprint)</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Test connection</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Heartbeat listener</source>
        <translation>Heartbeat listener</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Watching</source>
        <translation>Watching</translation>
    </message>
    <message>
        <source>Default interval</source>
        <translation>Default interval</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Default grace</source>
        <translation>Default grace</translation>
    </message>
    <message>
        <source>one more interval</source>
        <translation>one more interval</translation>
    </message>
    <message>
        <source>Keep heartbeats for</source>
        <translation>Keep heartbeats for</translation>
    </message>
    <message>
        <source> days</source>
        <translation> days</translation>
    </message>
    <message>
        <source>Budget days in</source>
        <translation>Budget days in</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <source>Agent dead</source>
        <translation>Agent dead</translation>
    </message>
    <message>
        <source>Crash</source>
        <translation>Crash</translation>
    </message>
    <message>
        <source>Loop</source>
        <translation>Loop</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Play a sound</source>
        <translation>Play a sound</translation>
    </message>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Start ClevAgent when I log in</source>
        <translation>Start ClevAgent when I log in</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Theme</translation>
    </message>
</context>
<context>
    <name>clev::AboutDialog</name>
    <message>
        <source>About ClevAgent</source>
        <translation>About ClevAgent</translation>
    </message>
    <message>
        <source>A local monitor for AI agents: heartbeats, crashes, loops and spending.</source>
        <translation>A local monitor for AI agents: heartbeats, crashes, loops and spending.</translation>
    </message>
    <message>
        <source>%1 (built with %2)</source>
        <translation>%1 (built with %2)</translation>
    </message>
    <message>
        <source>License:</source>
        <translation>License:</translation>
    </message>
    <message>
        <source>Qt version:</source>
        <translation>Qt version:</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>Data folder:</translation>
    </message>
    <message>
        <source>Documentation:</source>
        <translation>Documentation:</translation>
    </message>
</context>
<context>
    <name>clev::AgentDetailView</name>
    <message>
        <source>Last hour</source>
        <translation>Last hour</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Last 24 hours</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Cost</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Input</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Output</translation>
    </message>
    <message>
        <source>Cache read</source>
        <translation>Cache read</translation>
    </message>
    <message>
        <source>Cache write</source>
        <translation>Cache write</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Through</source>
        <translation>Through</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Opened</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>The crash report&apos;s traceback (select to copy)</source>
        <translation>The crash report&apos;s traceback (select to copy)</translation>
    </message>
    <message>
        <source>Time range</source>
        <translation>Time range</translation>
    </message>
    <message>
        <source>Cost or tokens</source>
        <translation>Cost or tokens</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>Recent beats</source>
        <translation>Recent beats</translation>
    </message>
    <message>
        <source>Restarts</source>
        <translation>Restarts</translation>
    </message>
    <message>
        <source>The agent&apos;s alerts</source>
        <translation>The agent&apos;s alerts</translation>
    </message>
    <message>
        <source>Incident detail</source>
        <translation>Incident detail</translation>
    </message>
    <message>
        <source>Usage by model</source>
        <translation>Usage by model</translation>
    </message>
    <message>
        <source>Crash report</source>
        <translation>Crash report</translation>
    </message>
    <message>
        <source>Usage chart</source>
        <translation>Usage chart</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alerts</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>State: %1</translation>
    </message>
    <message>
        <source>Last seen: %1</source>
        <translation>Last seen: %1</translation>
    </message>
    <message>
        <source>Expected every %1 s</source>
        <translation>Expected every %1 s</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>Model: %1</translation>
    </message>
    <message>
        <source>Today: %1 tokens, %2</source>
        <translation>Today: %1 tokens, %2</translation>
    </message>
    <message>
        <source>restarted</source>
        <translation>restarted</translation>
    </message>
    <message>
        <source>restarted; before: %1</source>
        <translation>restarted; before: %1</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>failed: %1</translation>
    </message>
    <message>
        <source>Restarts (%1)</source>
        <translation>Restarts (%1)</translation>
    </message>
    <message>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Alerts (%1)</source>
        <translation>Alerts (%1)</translation>
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
        <translation>%1 per iteration (24 h)</translation>
    </message>
    <message>
        <source>(not named)</source>
        <translation>(not named)</translation>
    </message>
    <message>
        <source>Usage by model over the last 30 days</source>
        <translation>Usage by model over the last 30 days</translation>
    </message>
    <message>
        <source>Usage by model over the last 24 hours</source>
        <translation>Usage by model over the last 24 hours</translation>
    </message>
</context>
<context>
    <name>clev::AgentSettingsDialog</name>
    <message>
        <source>Settings of %1</source>
        <translation>Settings of %1</translation>
    </message>
    <message>
        <source>now: %1 s</source>
        <translation>now: %1 s</translation>
    </message>
    <message>
        <source>not known yet</source>
        <translation>not known yet</translation>
    </message>
    <message>
        <source>in local days; alerts at 80, 95 and 100 %</source>
        <translation>in local days; alerts at 80, 95 and 100 %</translation>
    </message>
    <message>
        <source>A daily budget must be more than $0. Untick the box for no budget.</source>
        <translation>A daily budget must be more than $0. Untick the box for no budget.</translation>
    </message>
    <message>
        <source>Do not restart</source>
        <translation>Do not restart</translation>
    </message>
    <message>
        <source>Docker container</source>
        <translation>Docker container</translation>
    </message>
    <message>
        <source>systemd unit</source>
        <translation>systemd unit</translation>
    </message>
    <message>
        <source>systemd user unit</source>
        <translation>systemd user unit</translation>
    </message>
    <message>
        <source>auto (the container the agent runs in)</source>
        <translation>auto (the container the agent runs in)</translation>
    </message>
    <message>
        <source>unit name, e.g. my-agent.service</source>
        <translation>unit name, e.g. my-agent.service</translation>
    </message>
    <message>
        <source>Enter the systemd unit to restart, such as my-agent.service.</source>
        <translation>Enter the systemd unit to restart, such as my-agent.service.</translation>
    </message>
    <message>
        <source>A container or unit name holds only letters, digits and _ . - @ :</source>
        <translation>A container or unit name holds only letters, digits and _ . - @ :</translation>
    </message>
</context>
<context>
    <name>clev::AgentsModel</name>
    <message numerus="yes">
        <source>%n s ago</source>
        <translation>
            <numerusform>%n s ago</numerusform>
            <numerusform>%n s ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n h ago</numerusform>
            <numerusform>%n h ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
    <message>
        <source>new</source>
        <translation>new</translation>
    </message>
    <message>
        <source>healthy</source>
        <translation>healthy</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>warning</translation>
    </message>
    <message>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <source>late</source>
        <translation>late</translation>
    </message>
    <message>
        <source>dead</source>
        <translation>dead</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>stopped</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>paused</translation>
    </message>
    <message numerus="yes">
        <source>%n beats today used a model without a known price: not counted</source>
        <translation>
            <numerusform>%n beat today used a model without a known price: not counted</numerusform>
            <numerusform>%n beats today used a model without a known price: not counted</numerusform>
        </translation>
    </message>
    <message>
        <source>, looping</source>
        <translation>, looping</translation>
    </message>
    <message>
        <source>, over budget</source>
        <translation>, over budget</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Last seen</translation>
    </message>
    <message>
        <source>Interval</source>
        <translation>Interval</translation>
    </message>
    <message>
        <source>Tokens today</source>
        <translation>Tokens today</translation>
    </message>
    <message>
        <source>Cost today</source>
        <translation>Cost today</translation>
    </message>
    <message>
        <source>Iteration</source>
        <translation>Iteration</translation>
    </message>
    <message>
        <source>Last message</source>
        <translation>Last message</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>No history read yet</source>
        <translation>No history read yet</translation>
    </message>
    <message>
        <source>Uptime: %1 in the last 24 h, %2 in the last 30 days (time dead or in error counts as down; paused, stopped and before the first beat do not count)</source>
        <translation>Uptime: %1 in the last 24 h, %2 in the last 30 days (time dead or in error counts as down; paused, stopped and before the first beat do not count)</translation>
    </message>
    <message numerus="yes">
        <source>Last %n beats: </source>
        <translation>
            <numerusform>Last %n beat: </numerusform>
            <numerusform>Last %n beats: </numerusform>
        </translation>
    </message>
    <message>
        <source>%1 on time, %2 late, %3 missed</source>
        <translation>%1 on time, %2 late, %3 missed</translation>
    </message>
    <message numerus="yes">
        <source>, %n with an error</source>
        <translation>
            <numerusform>, %n with an error</numerusform>
            <numerusform>, %n with an error</numerusform>
        </translation>
    </message>
    <message>
        <source>Cost in the last 24 hours: %1 (at most %2 in one hour)</source>
        <translation>Cost in the last 24 hours: %1 (at most %2 in one hour)</translation>
    </message>
    <message>
        <source>Last beats</source>
        <translation>Last beats</translation>
    </message>
    <message>
        <source>Uptime 24 h</source>
        <translation>Uptime 24 h</translation>
    </message>
    <message>
        <source>Cost 24 h</source>
        <translation>Cost 24 h</translation>
    </message>
</context>
<context>
    <name>clev::AlertsModel</name>
    <message>
        <source>resolved</source>
        <translation>resolved</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>acknowledged</translation>
    </message>
    <message>
        <source>open (silenced)</source>
        <translation>open (silenced)</translation>
    </message>
    <message>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Opened</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>dead</source>
        <translation>dead</translation>
    </message>
    <message>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <source>crash</source>
        <translation>crash</translation>
    </message>
    <message>
        <source>loop</source>
        <translation>loop</translation>
    </message>
    <message>
        <source>budget</source>
        <translation>budget</translation>
    </message>
    <message>
        <source>project budget</source>
        <translation>project budget</translation>
    </message>
    <message>
        <source>restart failed</source>
        <translation>restart failed</translation>
    </message>
    <message>
        <source>flapping</source>
        <translation>flapping</translation>
    </message>
    <message>
        <source>Open for %1 so far</source>
        <translation>Open for %1 so far</translation>
    </message>
    <message>
        <source>%1 so far</source>
        <translation>%1 so far</translation>
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
            <numerusform>%n days</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Acknowledged</translation>
    </message>
</context>
<context>
    <name>clev::ApiKeysDialog</name>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Key</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>Scopes</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Last used</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Give the key a name, so you know later where it is used.</source>
        <translation>Give the key a name, so you know later where it is used.</translation>
    </message>
    <message>
        <source>Choose at least one scope: ingest to send heartbeats, read to read the status.</source>
        <translation>Choose at least one scope: ingest to send heartbeats, read to read the status.</translation>
    </message>
    <message>
        <source>The key was not created: %1</source>
        <translation>The key was not created: %1</translation>
    </message>
    <message>
        <source>The key works, but no copy could be kept in the keychain (%1). Copy it now.</source>
        <translation>The key works, but no copy could be kept in the keychain (%1). Copy it now.</translation>
    </message>
    <message>
        <source>Revoke %1?</source>
        <translation>Revoke %1?</translation>
    </message>
    <message>
        <source>Agents using %1 get 401 from now on. Revoke it?</source>
        <translation>Agents using %1 get 401 from now on. Revoke it?</translation>
    </message>
    <message>
        <source>Could not %1: %2</source>
        <translation>Could not %1: %2</translation>
    </message>
    <message>
        <source>revoked %1</source>
        <translation>revoked %1</translation>
    </message>
    <message>
        <source>active</source>
        <translation>active</translation>
    </message>
</context>
<context>
    <name>clev::ChannelEditDialog</name>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Webhook</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <source>STARTTLS (port 587)</source>
        <translation>STARTTLS (port 587)</translation>
    </message>
    <message>
        <source>TLS (port 465)</source>
        <translation>TLS (port 465)</translation>
    </message>
    <message>
        <source>None (local relays only)</source>
        <translation>None (local relays only)</translation>
    </message>
    <message>
        <source>Sending a test notification…</source>
        <translation>Sending a test notification…</translation>
    </message>
    <message>
        <source>Sent: the test notification reached &apos;%1&apos;.</source>
        <translation>Sent: the test notification reached &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>The test failed: %1</source>
        <translation>The test failed: %1</translation>
    </message>
    <message>
        <source>New alert channel</source>
        <translation>New alert channel</translation>
    </message>
    <message>
        <source>Alert channel %1</source>
        <translation>Alert channel %1</translation>
    </message>
    <message>
        <source>Events API URL</source>
        <translation>Events API URL</translation>
    </message>
    <message>
        <source>Routing key</source>
        <translation>Routing key</translation>
    </message>
    <message>
        <source>Webhook URL</source>
        <translation>Webhook URL</translation>
    </message>
    <message>
        <source>Signing secret (optional)</source>
        <translation>Signing secret (optional)</translation>
    </message>
    <message>
        <source>Give the channel a name.</source>
        <translation>Give the channel a name.</translation>
    </message>
    <message>
        <source>A channel name has at most 64 characters and no &apos;/&apos;.</source>
        <translation>A channel name has at most 64 characters and no &apos;/&apos;.</translation>
    </message>
    <message>
        <source>There is already a channel named &apos;%1&apos;.</source>
        <translation>There is already a channel named &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>Choose at least one kind of alert for this channel.</source>
        <translation>Choose at least one kind of alert for this channel.</translation>
    </message>
    <message>
        <source>Enter the SMTP server&apos;s host name, such as mail.example.com.</source>
        <translation>Enter the SMTP server&apos;s host name, such as mail.example.com.</translation>
    </message>
    <message>
        <source>The sender must be an e-mail address.</source>
        <translation>The sender must be an e-mail address.</translation>
    </message>
    <message>
        <source>Enter at least one recipient.</source>
        <translation>Enter at least one recipient.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an e-mail address.</source>
        <translation>&apos;%1&apos; is not an e-mail address.</translation>
    </message>
    <message>
        <source>Enter the password for %1, or clear the user for a server without sign-in.</source>
        <translation>Enter the password for %1, or clear the user for a server without sign-in.</translation>
    </message>
    <message>
        <source>Enter the URL to send alerts to.</source>
        <translation>Enter the URL to send alerts to.</translation>
    </message>
    <message>
        <source>The URL must start with https:// (or http:// for a receiver on your own network).</source>
        <translation>The URL must start with https:// (or http:// for a receiver on your own network).</translation>
    </message>
    <message>
        <source>Enter the PagerDuty routing key (Integration Key of an Events API v2 integration).</source>
        <translation>Enter the PagerDuty routing key (Integration Key of an Events API v2 integration).</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
</context>
<context>
    <name>clev::ChannelStore</name>
    <message>
        <source>The secrets of channel &apos;%1&apos; are not in the keychain: edit the channel to enter them again.</source>
        <translation>The secrets of channel &apos;%1&apos; are not in the keychain: edit the channel to enter them again.</translation>
    </message>
    <message>
        <source>Alert channels are off: %1</source>
        <translation>Alert channels are off: %1</translation>
    </message>
    <message>
        <source>Nothing was saved: %1</source>
        <translation>Nothing was saved: %1</translation>
    </message>
    <message>
        <source>The channel was not removed: %1</source>
        <translation>The channel was not removed: %1</translation>
    </message>
</context>
<context>
    <name>clev::ChannelsDialog</name>
    <message>
        <source>Remove %1?</source>
        <translation>Remove %1?</translation>
    </message>
    <message>
        <source>Remove the channel &apos;%1&apos; and its secrets from the keychain?</source>
        <translation>Remove the channel &apos;%1&apos; and its secrets from the keychain?</translation>
    </message>
    <message>
        <source>all alerts</source>
        <translation>all alerts</translation>
    </message>
    <message>
        <source>No channels yet: alerts show in this window and the tray only.</source>
        <translation>No channels yet: alerts show in this window and the tray only.</translation>
    </message>
    <message>
        <source>Saved. Secrets are in the keychain.</source>
        <translation>Saved. Secrets are in the keychain.</translation>
    </message>
    <message>
        <source>Sending a test notification to &apos;%1&apos;…</source>
        <translation>Sending a test notification to &apos;%1&apos;…</translation>
    </message>
    <message>
        <source>Sent: the test notification reached &apos;%1&apos;.</source>
        <translation>Sent: the test notification reached &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>The test failed: %1</source>
        <translation>The test failed: %1</translation>
    </message>
</context>
<context>
    <name>clev::CombinedSource</name>
    <message>
        <source>all sources</source>
        <translation>all sources</translation>
    </message>
</context>
<context>
    <name>clev::ConnectAgentDialog</name>
    <message>
        <source>There is no ingest key yet: create one in API keys.</source>
        <translation>There is no ingest key yet: create one in API keys.</translation>
    </message>
    <message>
        <source>The key comes from the system keychain.</source>
        <translation>The key comes from the system keychain.</translation>
    </message>
    <message>
        <source>Only a hash of this key is stored here, so it cannot be shown: the snippets use $CLEVAGENT_API_KEY. Create a new key in API keys to copy one.</source>
        <translation>Only a hash of this key is stored here, so it cannot be shown: the snippets use $CLEVAGENT_API_KEY. Create a new key in API keys to copy one.</translation>
    </message>
</context>
<context>
    <name>clev::CostsView</name>
    <message>
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Spent today</source>
        <translation>Spent today</translation>
    </message>
    <message>
        <source>Daily budget</source>
        <translation>Daily budget</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>Used</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>Forecast</translation>
    </message>
    <message>
        <source>others</source>
        <translation>others</translation>
    </message>
    <message numerus="yes">
        <source>Cost per day, last %n day(s)</source>
        <translation>
            <numerusform>Cost per day, last %n day</numerusform>
            <numerusform>Cost per day, last %n days</numerusform>
        </translation>
    </message>
    <message>
        <source>No priced usage in this period yet.</source>
        <translation>No priced usage in this period yet.</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;$%1&lt;/b&gt; in %n day(s). Top: %2</source>
        <translation>
            <numerusform>&lt;b&gt;$%1&lt;/b&gt; in %n day. Top: %2</numerusform>
            <numerusform>&lt;b&gt;$%1&lt;/b&gt; in %n days. Top: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;Today against budget&lt;/b&gt; — no agent has a daily budget yet (set one in the agent&apos;s settings).</source>
        <translation>&lt;b&gt;Today against budget&lt;/b&gt; — no agent has a daily budget yet (set one in the agent&apos;s settings).</translation>
    </message>
    <message>
        <source>&lt;b&gt;Today against budget&lt;/b&gt;</source>
        <translation>&lt;b&gt;Today against budget&lt;/b&gt;</translation>
    </message>
    <message>
        <source>over budget</source>
        <translation>over budget</translation>
    </message>
    <message>
        <source>reaches the budget at %1 at the last hour&apos;s rate</source>
        <translation>reaches the budget at %1 at the last hour&apos;s rate</translation>
    </message>
    <message>
        <source>stays within budget today</source>
        <translation>stays within budget today</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
</context>
<context>
    <name>clev::CredentialStore</name>
    <message>
        <source>Nothing is stored under this name in the keychain.</source>
        <translation>Nothing is stored under this name in the keychain.</translation>
    </message>
    <message>
        <source>The keychain refused access (it is locked, or access was denied). Unlock it and try again.</source>
        <translation>The keychain refused access (it is locked, or access was denied). Unlock it and try again.</translation>
    </message>
    <message>
        <source>No keychain is available: start a Secret Service such as GNOME Keyring or KWallet, then try again.</source>
        <translation>No keychain is available: start a Secret Service such as GNOME Keyring or KWallet, then try again.</translation>
    </message>
    <message>
        <source>The keychain could not delete the entry: %1</source>
        <translation>The keychain could not delete the entry: %1</translation>
    </message>
    <message>
        <source>The keychain is not usable: %1. Secrets are not stored anywhere else.</source>
        <translation>The keychain is not usable: %1. Secrets are not stored anywhere else.</translation>
    </message>
    <message>
        <source>The keychain did not answer within %1 s: it may be locked behind an unlock prompt. Unlock it (for example in GNOME Keyring&apos;s &quot;Passwords and Keys&quot;) and try again.</source>
        <translation>The keychain did not answer within %1 s: it may be locked behind an unlock prompt. Unlock it (for example in GNOME Keyring&apos;s &quot;Passwords and Keys&quot;) and try again.</translation>
    </message>
</context>
<context>
    <name>clev::DeliveriesModel</name>
    <message>
        <source>sent</source>
        <translation>sent</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>pending</translation>
    </message>
    <message>
        <source>next attempt %1</source>
        <translation>next attempt %1</translation>
    </message>
    <message>
        <source>%1; next attempt %2</source>
        <translation>%1; next attempt %2</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Queued</translation>
    </message>
    <message>
        <source>Sent or given up</source>
        <translation>Sent or given up</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Attempts</translation>
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
        <translation>&amp;Connect an agent…</translation>
    </message>
    <message>
        <source>API &amp;keys…</source>
        <translation>API &amp;keys…</translation>
    </message>
    <message>
        <source>Alert c&amp;hannels…</source>
        <translation>Alert c&amp;hannels…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>Start at login</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>The new language is used from the next start of ClevAgent.</source>
        <translation>The new language is used from the next start of ClevAgent.</translation>
    </message>
    <message>
        <source>Add a &amp;remote instance…</source>
        <translation>Add a &amp;remote instance…</translation>
    </message>
    <message>
        <source>Remove a remote instance…</source>
        <translation>Remove a remote instance…</translation>
    </message>
    <message>
        <source>Cannot watch %1: its key cannot be read from the keychain (%2)</source>
        <translation>Cannot watch %1: its key cannot be read from the keychain (%2)</translation>
    </message>
    <message>
        <source>not there</source>
        <translation>not there</translation>
    </message>
    <message>
        <source>Nothing was added: %1</source>
        <translation>Nothing was added: %1</translation>
    </message>
    <message>
        <source>Add a remote instance</source>
        <translation>Add a remote instance</translation>
    </message>
    <message>
        <source>Remove a remote instance</source>
        <translation>Remove a remote instance</translation>
    </message>
    <message>
        <source>There is no remote instance.</source>
        <translation>There is no remote instance.</translation>
    </message>
    <message>
        <source>Stop watching:</source>
        <translation>Stop watching:</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Documentation</source>
        <translation>&amp;Documentation</translation>
    </message>
    <message>
        <source>&amp;About ClevAgent</source>
        <translation>&amp;About ClevAgent</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>About &amp;Qt</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
</context>
<context>
    <name>clev::DesktopNotifier</name>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Mute 1 h</source>
        <translation>Mute 1 h</translation>
    </message>
</context>
<context>
    <name>clev::LocalMonitor</name>
    <message>
        <source>Listening on %1</source>
        <translation>Listening on %1</translation>
    </message>
    <message>
        <source>reach the engine</source>
        <translation>reach the engine</translation>
    </message>
    <message>
        <source>the local engine is not running</source>
        <translation>the local engine is not running</translation>
    </message>
    <message>
        <source>acknowledge</source>
        <translation>acknowledge</translation>
    </message>
    <message>
        <source>paused from the desktop app</source>
        <translation>paused from the desktop app</translation>
    </message>
    <message>
        <source>pause %1</source>
        <translation>pause %1</translation>
    </message>
    <message>
        <source>unknown agent</source>
        <translation>unknown agent</translation>
    </message>
    <message>
        <source>resume</source>
        <translation>resume</translation>
    </message>
    <message>
        <source>the agent is not paused</source>
        <translation>the agent is not paused</translation>
    </message>
    <message>
        <source>forget %1</source>
        <translation>forget %1</translation>
    </message>
    <message>
        <source>save the settings of %1</source>
        <translation>save the settings of %1</translation>
    </message>
    <message>
        <source>silence %1</source>
        <translation>silence %1</translation>
    </message>
    <message>
        <source>list the API keys</source>
        <translation>list the API keys</translation>
    </message>
    <message>
        <source>no active key %1</source>
        <translation>no active key %1</translation>
    </message>
    <message>
        <source>revoke %1</source>
        <translation>revoke %1</translation>
    </message>
    <message>
        <source>restart %1</source>
        <translation>restart %1</translation>
    </message>
    <message>
        <source>no such alert</source>
        <translation>no such alert</translation>
    </message>
</context>
<context>
    <name>clev::MainWindow</name>
    <message>
        <source>All states</source>
        <translation>All states</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Any time</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Last 24 hours</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <source>Export alerts</source>
        <translation>Export alerts</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>Done: %1</translation>
    </message>
    <message>
        <source>Could not %1: %2</source>
        <translation>Could not %1: %2</translation>
    </message>
    <message>
        <source>Costs</source>
        <translation>Costs</translation>
    </message>
    <message>
        <source>Export costs</source>
        <translation>Export costs</translation>
    </message>
    <message>
        <source>Forget %1?</source>
        <translation>Forget %1?</translation>
    </message>
    <message>
        <source>Delete %1 with its heartbeats, usage, timeline, alerts and settings? If it beats again it comes back as a new agent.</source>
        <translation>Delete %1 with its heartbeats, usage, timeline, alerts and settings? If it beats again it comes back as a new agent.</translation>
    </message>
    <message>
        <source>Select an alert, or type an agent name or pattern (such as batch-*) in the agent filter.</source>
        <translation>Select an alert, or type an agent name or pattern (such as batch-*) in the agent filter.</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 hour</translation>
    </message>
    <message>
        <source>4 hours</source>
        <translation>4 hours</translation>
    </message>
    <message>
        <source>8 hours</source>
        <translation>8 hours</translation>
    </message>
    <message>
        <source>24 hours</source>
        <translation>24 hours</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 days</translation>
    </message>
    <message>
        <source>Silence %1</source>
        <translation>Silence %1</translation>
    </message>
    <message>
        <source>Mute notifications for %1 (alerts are still recorded) for:</source>
        <translation>Mute notifications for %1 (alerts are still recorded) for:</translation>
    </message>
    <message>
        <source>silenced from the desktop app</source>
        <translation>silenced from the desktop app</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <source>(create one with: clevagent-server keys create --scope ingest)</source>
        <translation>(create one with: clevagent-server keys create --scope ingest)</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>warning</translation>
    </message>
    <message>
        <source>, looping</source>
        <translation>, looping</translation>
    </message>
    <message>
        <source>&lt;b&gt;Heartbeats are not received.&lt;/b&gt; %1&lt;br&gt;Choose another port:</source>
        <translation>&lt;b&gt;Heartbeats are not received.&lt;/b&gt; %1&lt;br&gt;Choose another port:</translation>
    </message>
    <message>
        <source>Not listening</source>
        <translation>Not listening</translation>
    </message>
    <message numerus="yes">
        <source>%n agent(s)</source>
        <translation>
            <numerusform>%n agent</numerusform>
            <numerusform>%n agents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n dead</source>
        <translation>
            <numerusform>, %n dead</numerusform>
            <numerusform>, %n dead</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n late</source>
        <translation>
            <numerusform>, %n late</numerusform>
            <numerusform>, %n late</numerusform>
        </translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>This computer</translation>
    </message>
    <message>
        <source>%1 (disconnected)</source>
        <translation>%1 (disconnected)</translation>
    </message>
    <message>
        <source>Watching %1</source>
        <translation>Watching %1</translation>
    </message>
    <message>
        <source>Select an alert to read its whole detail.</source>
        <translation>Select an alert to read its whole detail.</translation>
    </message>
    <message numerus="yes">
        <source>, %n with errors</source>
        <translation>
            <numerusform>, %n with errors</numerusform>
            <numerusform>, %n with errors</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: disconnected</source>
        <translation>%1: disconnected</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n dead)</source>
        <translation>
            <numerusform>%1 (%n dead)</numerusform>
            <numerusform>%1 (%n dead)</numerusform>
        </translation>
    </message>
    <message>
        <source>The key for %1 is read-only: acknowledging, silencing, pausing and settings need an admin key (clevagent-server keys create --scope admin).</source>
        <translation>The key for %1 is read-only: acknowledging, silencing, pausing and settings need an admin key (clevagent-server keys create --scope admin).</translation>
    </message>
    <message>
        <source>Select an agent to see its timeline, incidents and costs</source>
        <translation>Select an agent to see its timeline, incidents and costs</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpoint</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API key</translation>
    </message>
    <message>
        <source>Snippet</source>
        <translation>Snippet</translation>
    </message>
    <message>
        <source>Filter agents by name or message</source>
        <translation>Filter agents by name or message</translation>
    </message>
    <message>
        <source>Filter agents by state</source>
        <translation>Filter agents by state</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>Agents</translation>
    </message>
    <message>
        <source>Filter alerts by agent</source>
        <translation>Filter alerts by agent</translation>
    </message>
    <message>
        <source>Filter alerts by kind</source>
        <translation>Filter alerts by kind</translation>
    </message>
    <message>
        <source>Filter alerts by period</source>
        <translation>Filter alerts by period</translation>
    </message>
    <message>
        <source>Alert history</source>
        <translation>Alert history</translation>
    </message>
    <message>
        <source>Alert detail</source>
        <translation>Alert detail</translation>
    </message>
    <message>
        <source>Today against budget</source>
        <translation>Today against budget</translation>
    </message>
    <message>
        <source>Find an agent</source>
        <translation>Find an agent</translation>
    </message>
    <message>
        <source>Show the agents</source>
        <translation>Show the agents</translation>
    </message>
    <message>
        <source>Show the alerts</source>
        <translation>Show the alerts</translation>
    </message>
    <message>
        <source>Show the costs</source>
        <translation>Show the costs</translation>
    </message>
    <message>
        <source>Costs chart</source>
        <translation>Costs chart</translation>
    </message>
    <message>
        <source>The alert&apos;s notifications</source>
        <translation>The alert&apos;s notifications</translation>
    </message>
    <message>
        <source>Reading how its notifications went…</source>
        <translation>Reading how its notifications went…</translation>
    </message>
    <message>
        <source>Select an alert to see how its notifications went.</source>
        <translation>Select an alert to see how its notifications went.</translation>
    </message>
    <message>
        <source>Cannot read its notifications: %1</source>
        <translation>Cannot read its notifications: %1</translation>
    </message>
    <message>
        <source>No channel was notified: none takes this kind of alert, or it was silenced or recorded only.</source>
        <translation>No channel was notified: none takes this kind of alert, or it was silenced or recorded only.</translation>
    </message>
    <message numerus="yes">
        <source>Notifications: %n channel(s)</source>
        <translation>
            <numerusform>Notifications: %n channel</numerusform>
            <numerusform>Notifications: %n channels</numerusform>
        </translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>All sources</translation>
    </message>
    <message>
        <source>Showing the agents of every source</source>
        <translation>Showing the agents of every source</translation>
    </message>
</context>
<context>
    <name>clev::RemoteDialog</name>
    <message>
        <source>Give the instance a name (without &apos;/&apos;).</source>
        <translation>Give the instance a name (without &apos;/&apos;).</translation>
    </message>
    <message>
        <source>There is already an instance named &apos;%1&apos;.</source>
        <translation>There is already an instance named &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>The address must look like https://host:9475.</source>
        <translation>The address must look like https://host:9475.</translation>
    </message>
    <message>
        <source>Enter the read key (it starts with cv_).</source>
        <translation>Enter the read key (it starts with cv_).</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Testing…</translation>
    </message>
    <message>
        <source>Trust this certificate (SHA-256 %1…)</source>
        <translation>Trust this certificate (SHA-256 %1…)</translation>
    </message>
</context>
<context>
    <name>clev::RemoteMonitor</name>
    <message>
        <source>the name %1 cannot be resolved (DNS)</source>
        <translation>the name %1 cannot be resolved (DNS)</translation>
    </message>
    <message>
        <source>nothing listens on %1:%2 (TCP connection refused); is clevagent-server running there?</source>
        <translation>nothing listens on %1:%2 (TCP connection refused); is clevagent-server running there?</translation>
    </message>
    <message>
        <source>no answer from %1 in time</source>
        <translation>no answer from %1 in time</translation>
    </message>
    <message>
        <source>the TLS handshake failed: %1</source>
        <translation>the TLS handshake failed: %1</translation>
    </message>
    <message>
        <source>%1 closed the connection (is it HTTPS where HTTP is expected, or the other way round?)</source>
        <translation>%1 closed the connection (is it HTTPS where HTTP is expected, or the other way round?)</translation>
    </message>
    <message>
        <source>REFUSED: the server&apos;s certificate changed. Pinned %1, now %2. Someone may be in between; if the server got a new certificate, remove and add the connection again.</source>
        <translation>REFUSED: the server&apos;s certificate changed. Pinned %1, now %2. Someone may be in between; if the server got a new certificate, remove and add the connection again.</translation>
    </message>
    <message>
        <source>the server&apos;s certificate is not trusted (SHA-256 %1); test the connection to pin it</source>
        <translation>the server&apos;s certificate is not trusted (SHA-256 %1); test the connection to pin it</translation>
    </message>
    <message>
        <source>the key was refused (401): %1</source>
        <translation>the key was refused (401): %1</translation>
    </message>
    <message>
        <source>the key may not do this (403): %1</source>
        <translation>the key may not do this (403): %1</translation>
    </message>
    <message>
        <source>the server answered %1: %2</source>
        <translation>the server answered %1: %2</translation>
    </message>
    <message>
        <source>%1: disconnected since %2 (%3); retrying in %4 s</source>
        <translation>%1: disconnected since %2 (%3); retrying in %4 s</translation>
    </message>
    <message>
        <source>the key lacks the read scope (403)</source>
        <translation>the key lacks the read scope (403)</translation>
    </message>
    <message>
        <source>the server answered %1</source>
        <translation>the server answered %1</translation>
    </message>
    <message>
        <source>the server ended the event stream</source>
        <translation>the server ended the event stream</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>Connected to %1</translation>
    </message>
    <message>
        <source>read the agents of %1</source>
        <translation>read the agents of %1</translation>
    </message>
    <message>
        <source>found %1 after reconnecting</source>
        <translation>found %1 after reconnecting</translation>
    </message>
    <message>
        <source>read the alerts</source>
        <translation>read the alerts</translation>
    </message>
    <message>
        <source>acknowledge</source>
        <translation>acknowledge</translation>
    </message>
    <message>
        <source>paused from ClevAgent Desktop</source>
        <translation>paused from ClevAgent Desktop</translation>
    </message>
    <message>
        <source>pause %1</source>
        <translation>pause %1</translation>
    </message>
    <message>
        <source>resume</source>
        <translation>resume</translation>
    </message>
    <message>
        <source>read the costs</source>
        <translation>read the costs</translation>
    </message>
    <message>
        <source>forget %1</source>
        <translation>forget %1</translation>
    </message>
    <message>
        <source>save the settings of %1</source>
        <translation>save the settings of %1</translation>
    </message>
    <message>
        <source>silence %1</source>
        <translation>silence %1</translation>
    </message>
    <message>
        <source>The address must look like https://host:9475 or http://host:9475.</source>
        <translation>The address must look like https://host:9475 or http://host:9475.</translation>
    </message>
    <message>
        <source>The name %1 cannot be resolved (DNS): %2</source>
        <translation>The name %1 cannot be resolved (DNS): %2</translation>
    </message>
    <message>
        <source>REFUSED: the certificate changed. Pinned %1, the server shows %2.</source>
        <translation>REFUSED: the certificate changed. Pinned %1, the server shows %2.</translation>
    </message>
    <message>
        <source>TLS works, but the certificate is not signed by an authority this computer trusts. Its SHA-256 fingerprint is %1. Compare it with the one clevagent-server printed, then trust it.</source>
        <translation>TLS works, but the certificate is not signed by an authority this computer trusts. Its SHA-256 fingerprint is %1. Compare it with the one clevagent-server printed, then trust it.</translation>
    </message>
    <message>
        <source>%1 answers, but not as clevagent-server (HTTP %2 on /healthz).</source>
        <translation>%1 answers, but not as clevagent-server (HTTP %2 on /healthz).</translation>
    </message>
    <message numerus="yes">
        <source>Connected: clevagent-server %1, %n agent(s).</source>
        <translation>
            <numerusform>Connected: clevagent-server %1, %n agent.</numerusform>
            <numerusform>Connected: clevagent-server %1, %n agents.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server (version %1) refuses this key (401): check it, or create a read key there with &apos;clevagent-server keys create --scope read&apos;.</source>
        <translation>The server (version %1) refuses this key (401): check it, or create a read key there with &apos;clevagent-server keys create --scope read&apos;.</translation>
    </message>
    <message>
        <source>This key may not read (403): it needs the read scope; an ingest key only sends heartbeats.</source>
        <translation>This key may not read (403): it needs the read scope; an ingest key only sends heartbeats.</translation>
    </message>
    <message>
        <source>The server answered HTTP %1 on /api/v1/status.</source>
        <translation>The server answered HTTP %1 on /api/v1/status.</translation>
    </message>
    <message>
        <source>the server sent more than %1 MiB in one answer or event; it was not read</source>
        <translation>the server sent more than %1 MiB in one answer or event; it was not read</translation>
    </message>
    <message>
        <source>%1:%2 answers, but without TLS: that clevagent-server runs plain HTTP. Use http://%1:%2 (or start the server with --tls-cert and --tls-key).</source>
        <translation>%1:%2 answers, but without TLS: that clevagent-server runs plain HTTP. Use http://%1:%2 (or start the server with --tls-cert and --tls-key).</translation>
    </message>
    <message>
        <source>restart %1</source>
        <translation>restart %1</translation>
    </message>
</context>
<context>
    <name>clev::SettingsDialog</name>
    <message>
        <source>System language</source>
        <translation>System language</translation>
    </message>
    <message>
        <source>127.0.0.1 — this computer only</source>
        <translation>127.0.0.1 — this computer only</translation>
    </message>
    <message>
        <source>0.0.0.0 — every network of this computer</source>
        <translation>0.0.0.0 — every network of this computer</translation>
    </message>
    <message>
        <source>::1 — this computer only (IPv6)</source>
        <translation>::1 — this computer only (IPv6)</translation>
    </message>
    <message>
        <source>System time zone (%1)</source>
        <translation>System time zone (%1)</translation>
    </message>
    <message>
        <source>Listen beyond this computer?</source>
        <translation>Listen beyond this computer?</translation>
    </message>
    <message>
        <source>On %1, agents on other machines can reach ClevAgent. Anyone with a valid key can then send heartbeats, and the port is open to your network: make sure a firewall or a VPN limits who can reach it. Listen on %1?</source>
        <translation>On %1, agents on other machines can reach ClevAgent. Anyone with a valid key can then send heartbeats, and the port is open to your network: make sure a firewall or a VPN limits who can reach it. Listen on %1?</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an IP address. Use 127.0.0.1 for this computer only, or the address of one of its networks.</source>
        <translation>&apos;%1&apos; is not an IP address. Use 127.0.0.1 for this computer only, or the address of one of its networks.</translation>
    </message>
    <message>
        <source>Ports below 1024 need administrator rights; choose 1024 or above (the default is 9475).</source>
        <translation>Ports below 1024 need administrator rights; choose 1024 or above (the default is 9475).</translation>
    </message>
    <message>
        <source>System (follow the desktop)</source>
        <translation>System (follow the desktop)</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dark</translation>
    </message>
</context>
<context>
    <name>clev::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Keys</translation>
    </message>
</context>
<context>
    <name>clev::StatusStrip</name>
    <message>
        <source>Show only %1 agents; click again to show all</source>
        <translation>Show only %1 agents; click again to show all</translation>
    </message>
    <message>
        <source>Show the open incidents in the Alerts tab</source>
        <translation>Show the open incidents in the Alerts tab</translation>
    </message>
    <message>
        <source>Today %1 of %2 in daily budgets</source>
        <translation>Today %1 of %2 in daily budgets</translation>
    </message>
    <message>
        <source>Today %1 (no daily budgets)</source>
        <translation>Today %1 (no daily budgets)</translation>
    </message>
    <message numerus="yes">
        <source>%n open incident(s)</source>
        <translation>
            <numerusform>%n open incident</numerusform>
            <numerusform>%n open incidents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>clev::StatusWindow</name>
    <message>
        <source>ClevAgent status</source>
        <translation>ClevAgent status</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Mute 1 h</source>
        <translation>Mute 1 h</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>No agents yet</source>
        <translation>No agents yet</translation>
    </message>
</context>
<context>
    <name>clev::TimelineBar</name>
    <message>
        <source>States over the last 24 hours</source>
        <translation>States over the last 24 hours</translation>
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
        <translation>Open ClevAgent</translation>
    </message>
    <message>
        <source>Pause notifications for 1 hour</source>
        <translation>Pause notifications for 1 hour</translation>
    </message>
    <message>
        <source>Mute an agent for 1 hour</source>
        <translation>Mute an agent for 1 hour</translation>
    </message>
    <message>
        <source>Sound on notifications</source>
        <translation>Sound on notifications</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>ClevAgent</source>
        <translation>ClevAgent</translation>
    </message>
    <message>
        <source>No system tray</source>
        <translation>No system tray</translation>
    </message>
    <message>
        <source>This desktop has no system tray. ClevAgent shows a small status window that stays on top instead: it tells you when an agent dies, and closing the main window keeps monitoring there.</source>
        <translation>This desktop has no system tray. ClevAgent shows a small status window that stays on top instead: it tells you when an agent dies, and closing the main window keeps monitoring there.</translation>
    </message>
    <message>
        <source>(no agent in trouble)</source>
        <translation>(no agent in trouble)</translation>
    </message>
    <message>
        <source>ClevAgent — %1</source>
        <translation>ClevAgent — %1</translation>
    </message>
    <message>
        <source>%1 is dead</source>
        <translation>%1 is dead</translation>
    </message>
    <message>
        <source>%1 crashed</source>
        <translation>%1 crashed</translation>
    </message>
    <message>
        <source>%1 is looping</source>
        <translation>%1 is looping</translation>
    </message>
    <message>
        <source>%1 used %2 % of its budget</source>
        <translation>%1 used %2 % of its budget</translation>
    </message>
    <message>
        <source>Project %1 used %2 % of its budget</source>
        <translation>Project %1 used %2 % of its budget</translation>
    </message>
    <message>
        <source>%1 is flapping</source>
        <translation>%1 is flapping</translation>
    </message>
    <message numerus="yes">
        <source>It died %n times within %1 and came back each time; it is dead now. Its deaths and recoveries are not notified one by one until it stays up.</source>
        <translation>
            <numerusform>It died %n time within %1 and came back; it is dead now. Its deaths and recoveries are not notified one by one until it stays up.</numerusform>
            <numerusform>It died %n times within %1 and came back each time; it is dead now. Its deaths and recoveries are not notified one by one until it stays up.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is back</source>
        <translation>%1 is back</translation>
    </message>
    <message>
        <source>Agents in trouble</source>
        <translation>Agents in trouble</translation>
    </message>
    <message>
        <source>, looping</source>
        <translation>, looping</translation>
    </message>
    <message>
        <source>, over budget</source>
        <translation>, over budget</translation>
    </message>
    <message>
        <source>%1 — %2, seen %3</source>
        <translation>%1 — %2, seen %3</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>More in the window…</source>
        <translation>More in the window…</translation>
    </message>
    <message>
        <source>All agents are fine</source>
        <translation>All agents are fine</translation>
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
        <translation>Cost</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Input</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Output</translation>
    </message>
    <message>
        <source>Cache read</source>
        <translation>Cache read</translation>
    </message>
    <message>
        <source>Cache write</source>
        <translation>Cache write</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
</context>
</TS>
