<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AgentDetailView</name>
    <message>
        <source>Agent</source>
        <translation>代理</translation>
    </message>
    <message>
        <source>Pause alerts 1 h</source>
        <translation>暂停告警 1 小时</translation>
    </message>
    <message>
        <source>4 h</source>
        <translation>4 小时</translation>
    </message>
    <message>
        <source>8 h</source>
        <translation>8 小时</translation>
    </message>
    <message>
        <source>Until resumed</source>
        <translation>直到恢复</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>重启</translation>
    </message>
    <message>
        <source>Restart the agent now through its restart target (its container, unit or process)</source>
        <translation>立即通过其重启目标（容器、单元或进程）重启该智能体</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <source>Forget…</source>
        <translation>遗忘…</translation>
    </message>
    <message>
        <source>Delete this agent and everything stored about it</source>
        <translation>删除此代理及其所有已存储的数据</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>用量</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Recent beats</source>
        <translation>最近的心跳</translation>
    </message>
    <message>
        <source>Restarts</source>
        <translation>重启记录</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>Select an incident to read its whole detail.</source>
        <translation>选择一个事件以查看其完整详情。</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the incident&apos;s detail (a crash&apos;s traceback) to the clipboard</source>
        <translation>将事件详情（崩溃的回溯）复制到剪贴板</translation>
    </message>
</context>
<context>
    <name>AgentSettingsDialog</name>
    <message>
        <source>Agent settings</source>
        <translation>代理设置</translation>
    </message>
    <message>
        <source>Values set here win over what the agent sends and over the defaults. Leave a box unticked to use the default.</source>
        <translation>此处设置的值优先于代理发送的值和默认值。不勾选则使用默认值。</translation>
    </message>
    <message>
        <source>Expected interval</source>
        <translation>预期间隔</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Grace before dead</source>
        <translation>判定为无响应前的宽限</translation>
    </message>
    <message>
        <source>default: one more interval</source>
        <translation>默认：再等一个间隔</translation>
    </message>
    <message>
        <source>Daily budget</source>
        <translation>每日预算</translation>
    </message>
    <message>
        <source>Loop after the same tool call</source>
        <translation>相同工具调用判定为循环</translation>
    </message>
    <message>
        <source> times</source>
        <translation> 次</translation>
    </message>
    <message>
        <source>default: 5 times in a row</source>
        <translation>默认：连续 5 次</translation>
    </message>
    <message>
        <source>Iteration cap</source>
        <translation>迭代上限</translation>
    </message>
    <message>
        <source>default: no cap</source>
        <translation>默认：无上限</translation>
    </message>
    <message>
        <source>Restart when dead</source>
        <translation>无响应时重启</translation>
    </message>
</context>
<context>
    <name>ApiKeysDialog</name>
    <message>
        <source>API keys</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <source>Agents send heartbeats with an ingest key; dashboards read with a read key. Only a hash of each key is stored: a key is shown once, when it is created.</source>
        <translation>代理使用写入密钥发送心跳，仪表板使用读取密钥读取。只保存每个密钥的哈希：密钥只在创建时显示一次。</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>吊销</translation>
    </message>
    <message>
        <source>New key</source>
        <translation>新密钥</translation>
    </message>
    <message>
        <source>Name, e.g. laptop agents</source>
        <translation>名称，例如：笔记本上的代理</translation>
    </message>
    <message>
        <source>Ingest</source>
        <translation>写入</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>读取</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>管理</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>&lt;b&gt;Your new key&lt;/b&gt; — copy it now; it is not shown again here. A copy is kept in the system keychain for &quot;Connect an agent&quot;.</source>
        <translation>&lt;b&gt;您的新密钥&lt;/b&gt;——请立即复制，此处不会再次显示。系统钥匙串中保存了一份副本，供“连接代理”使用。</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
</context>
<context>
    <name>CauseText</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>restarted through %1 (attempt %2 of %3)</source>
        <translation>已通过 %1 重启（第 %2 次，共 %3 次）</translation>
    </message>
    <message>
        <source>restart through %1 failed: %2</source>
        <translation>通过 %1 重启失败：%2</translation>
    </message>
    <message>
        <source>%1 after %2</source>
        <translation>%1（起因：%2）</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1；%2</translation>
    </message>
    <message>
        <source>Agent &apos;%1&apos; spent its daily budget</source>
        <translation>智能体“%1”已用完每日预算</translation>
    </message>
    <message>
        <source>Agent &apos;%1&apos; used %2 % of its daily budget</source>
        <translation>智能体“%1”已用掉每日预算的 %2 %</translation>
    </message>
    <message>
        <source>Project &apos;%1&apos; spent its daily budget</source>
        <translation>项目“%1”已用完每日预算</translation>
    </message>
    <message>
        <source>Project &apos;%1&apos; used %2 % of its daily budget</source>
        <translation>项目“%1”已用掉每日预算的 %2 %</translation>
    </message>
    <message>
        <source>budget: %1 % of the daily %2 spent (%3)</source>
        <translation>预算：已花费每日 %2 的 %1 %（%3）</translation>
    </message>
    <message>
        <source>project &apos;%1&apos; budget: %2 % of the daily %3 spent (%4)</source>
        <translation>项目“%1”预算：已花费每日 %3 的 %2 %（%4）</translation>
    </message>
    <message>
        <source>the tool &apos;%1&apos; was called %2 times in a row with the same arguments</source>
        <translation>工具“%1”以相同参数连续被调用了 %2 次</translation>
    </message>
    <message>
        <source>the same prompts were sent on %1 beats in a row while tokens kept flowing</source>
        <translation>在持续消耗 token 的同时，连续 %1 次心跳发送了相同的提示</translation>
    </message>
    <message>
        <source>%1 tokens per beat on %2 beats running, over %3 x the 24 h mean of %4</source>
        <translation>连续 %2 次心跳每次 %1 个 token，超过 24 小时平均值 %4 的 %3 倍</translation>
    </message>
    <message>
        <source>%1 tool calls per beat on %2 beats running, over %3 x the 24 h mean of %4</source>
        <translation>连续 %2 次心跳每次 %1 次工具调用，超过 24 小时平均值 %4 的 %3 倍</translation>
    </message>
    <message>
        <source>iteration %1 is past the cap of %2</source>
        <translation>迭代 %1 超过了上限 %2</translation>
    </message>
    <message>
        <source>beat: ok</source>
        <translation>心跳：正常</translation>
    </message>
    <message>
        <source>beat: warning</source>
        <translation>心跳：警告</translation>
    </message>
    <message>
        <source>beat: error</source>
        <translation>心跳：错误</translation>
    </message>
    <message>
        <source>clean shutdown</source>
        <translation>正常关闭</translation>
    </message>
    <message>
        <source>no beat for %1 (expected every %2)</source>
        <translation>%1 没有心跳（应每 %2 一次）</translation>
    </message>
    <message>
        <source>no beat for %1</source>
        <translation>%1 没有心跳</translation>
    </message>
    <message>
        <source>no beat since %1 (%2); found at start-up</source>
        <translation>自 %1 起没有心跳（%2）；启动时发现</translation>
    </message>
    <message>
        <source>no beat since %1; found at start-up</source>
        <translation>自 %1 起没有心跳；启动时发现</translation>
    </message>
    <message>
        <source>loop detected: %1</source>
        <translation>检测到循环：%1</translation>
    </message>
    <message>
        <source>loop ended</source>
        <translation>循环已结束</translation>
    </message>
    <message>
        <source>paused until %1</source>
        <translation>暂停至 %1</translation>
    </message>
    <message>
        <source>paused until resumed</source>
        <translation>暂停，直至恢复</translation>
    </message>
    <message>
        <source>pause ended</source>
        <translation>暂停已结束</translation>
    </message>
    <message>
        <source>pause ended while nothing watched</source>
        <translation>暂停在无人监视时结束</translation>
    </message>
    <message>
        <source>resumed</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <source>interval or grace changed</source>
        <translation>间隔或宽限期已更改</translation>
    </message>
    <message>
        <source>interval or grace changed; the next beat is due later</source>
        <translation>间隔或宽限期已更改；下一次心跳的期限推后</translation>
    </message>
    <message>
        <source>the agent is %1</source>
        <translation>智能体状态：%1</translation>
    </message>
    <message>
        <source>the agent is %1; its last message: %2</source>
        <translation>智能体状态：%1；最后消息：%2</translation>
    </message>
    <message>
        <source>restart: %1</source>
        <translation>重启：%1</translation>
    </message>
    <message>
        <source>died: %1</source>
        <translation>已死亡：%1</translation>
    </message>
    <message>
        <source>crashed: %1</source>
        <translation>已崩溃：%1</translation>
    </message>
    <message>
        <source>exited: %1</source>
        <translation>已退出：%1</translation>
    </message>
    <message>
        <source>asked by a person</source>
        <translation>由人工请求</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Agent &apos;%1&apos; is dead</source>
        <translation>智能体“%1”已死亡</translation>
    </message>
    <message>
        <source>Agent &apos;%1&apos; reports an error</source>
        <translation>智能体“%1”报告了错误</translation>
    </message>
    <message>
        <source>Agent &apos;%1&apos; crashed</source>
        <translation>智能体“%1”已崩溃</translation>
    </message>
    <message>
        <source>Agent &apos;%1&apos; is looping</source>
        <translation>智能体“%1”陷入循环</translation>
    </message>
    <message>
        <source>Agent &apos;%1&apos; is flapping</source>
        <translation>智能体“%1”状态反复波动</translation>
    </message>
    <message>
        <source>Agent &apos;%1&apos; could not be restarted</source>
        <translation>无法重启智能体“%1”</translation>
    </message>
    <message>
        <source>Agent &apos;%1&apos; exited</source>
        <translation>智能体“%1”已退出</translation>
    </message>
    <message>
        <source>It died %1 times within %2 and came back each time; it is dead now (%3). Its deaths and recoveries are recorded but not notified one by one until it has stayed up for %2.</source>
        <translation>它在 %2 内死亡了 %1 次，每次都恢复了；现在已死亡（%3）。其死亡和恢复会被记录，但在它持续运行 %2 之前不会逐一通知。</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>%1 (back after %2 of silence)</source>
        <translation>%1（沉默 %2 后恢复）</translation>
    </message>
    <message>
        <source>%1; no beat for %2</source>
        <translation>%1；%2 没有心跳</translation>
    </message>
    <message>
        <source>%1 (from the last stored beat, at start-up)</source>
        <translation>%1（启动时根据最后保存的心跳）</translation>
    </message>
    <message>
        <source>%1 (last spent by agent &apos;%2&apos;)</source>
        <translation>%1（最后由智能体“%2”花费）</translation>
    </message>
    <message>
        <source>%1 (found at start-up)</source>
        <translation>%1（启动时发现）</translation>
    </message>
</context>
<context>
    <name>ChannelEditDialog</name>
    <message>
        <source>Alert channel</source>
        <translation>告警渠道</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>e.g. ops-slack</source>
        <translation>例如：ops-slack</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Alerts it receives</source>
        <translation>接收的告警</translation>
    </message>
    <message>
        <source>Agent dead</source>
        <translation>代理无响应</translation>
    </message>
    <message>
        <source>Crash</source>
        <translation>崩溃</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Loop</source>
        <translation>循环</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>Restart failed</source>
        <translation>重启失败</translation>
    </message>
    <message>
        <source>Webhook URL</source>
        <translation>Webhook URL</translation>
    </message>
    <message>
        <source>Signing secret</source>
        <translation>签名密钥</translation>
    </message>
    <message>
        <source>SMTP server</source>
        <translation>SMTP 服务器</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>安全</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>From</source>
        <translation>发件人</translation>
    </message>
    <message>
        <source>To</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>URLs, secrets and passwords are kept in the system keychain, never in a file.</source>
        <translation>URL、密钥和密码保存在系统钥匙串中，绝不写入文件。</translation>
    </message>
    <message>
        <source>Send test</source>
        <translation>发送测试</translation>
    </message>
</context>
<context>
    <name>ChannelsDialog</name>
    <message>
        <source>Alert channels</source>
        <translation>告警渠道</translation>
    </message>
    <message>
        <source>Where alerts go besides this window: Slack, Discord, a webhook of your own, PagerDuty or e-mail.</source>
        <translation>除本窗口外，告警的发送目的地：Slack、Discord、自建 Webhook、PagerDuty 或电子邮件。</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Send test</source>
        <translation>发送测试</translation>
    </message>
</context>
<context>
    <name>ConnectAgentDialog</name>
    <message>
        <source>Connect an agent</source>
        <translation>连接代理</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>端点</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <source>Agent name</source>
        <translation>代理名称</translation>
    </message>
    <message>
        <source>Python SDK</source>
        <translation>Python SDK</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>环境变量</translation>
    </message>
    <message>
        <source>Copy snippet</source>
        <translation>复制代码</translation>
    </message>
</context>
<context>
    <name>DesktopSettings</name>
    <message>
        <source>Cannot remove %1</source>
        <translation>无法删除 %1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
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
        <translation>使用此端口</translation>
    </message>
    <message>
        <source>&lt;h2&gt;No agents yet&lt;/h2&gt;&lt;p&gt;Add two lines to your agent and it appears here on its first heartbeat.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;还没有代理&lt;/h2&gt;&lt;p&gt;在代理中加两行代码，它发出第一个心跳时就会出现在这里。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>端点</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Python (pip install ./sdk/python):</source>
        <translation>Python（pip install ./sdk/python）：</translation>
    </message>
    <message>
        <source>Copy snippet</source>
        <translation>复制代码</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>代理</translation>
    </message>
    <message>
        <source>Filter by name or message</source>
        <translation>按名称或消息筛选</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>代理</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>Open only</source>
        <translation>仅未解决</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Silence…</source>
        <translation>静音…</translation>
    </message>
    <message>
        <source>Mute notifications for this agent (alerts are still recorded)</source>
        <translation>将此代理的通知静音（告警仍会记录）</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>This computer and the remote instances</source>
        <translation>本机和远程实例</translation>
    </message>
</context>
<context>
    <name>RemoteDialog</name>
    <message>
        <source>Add a remote instance</source>
        <translation>添加远程实例</translation>
    </message>
    <message>
        <source>Watch the agents of a clevagent-server on another machine. It needs a key with the read scope (clevagent-server keys create --scope read); the key is kept in the system keychain.</source>
        <translation>监视另一台机器上 clevagent-server 的代理。需要具有读取权限的密钥（clevagent-server keys create --scope read）；密钥保存在系统钥匙串中。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>e.g. gpu-box</source>
        <translation>例如：gpu-box</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Read key</source>
        <translation>读取密钥</translation>
    </message>
    <message>
        <source>Trust this certificate (pin its fingerprint)</source>
        <translation>信任此证书（固定其指纹）</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Heartbeat listener</source>
        <translation>心跳监听</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Watching</source>
        <translation>监控</translation>
    </message>
    <message>
        <source>Default interval</source>
        <translation>默认间隔</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Default grace</source>
        <translation>默认宽限</translation>
    </message>
    <message>
        <source>one more interval</source>
        <translation>再等一个间隔</translation>
    </message>
    <message>
        <source>Keep heartbeats for</source>
        <translation>心跳保留时长</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Budget days in</source>
        <translation>预算日所用时区</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>通知</translation>
    </message>
    <message>
        <source>Agent dead</source>
        <translation>代理无响应</translation>
    </message>
    <message>
        <source>Crash</source>
        <translation>崩溃</translation>
    </message>
    <message>
        <source>Loop</source>
        <translation>循环</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>Play a sound</source>
        <translation>播放提示音</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Start ClevAgent when I log in</source>
        <translation>登录时启动 ClevAgent</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
</context>
<context>
    <name>clev::AboutDialog</name>
    <message>
        <source>About ClevAgent</source>
        <translation>关于 ClevAgent</translation>
    </message>
    <message>
        <source>A local monitor for AI agents: heartbeats, crashes, loops and spending.</source>
        <translation>AI 智能体的本地监控：心跳、崩溃、循环和花费。</translation>
    </message>
    <message>
        <source>%1 (built with %2)</source>
        <translation>%1（使用 %2 构建）</translation>
    </message>
    <message>
        <source>License:</source>
        <translation>许可证：</translation>
    </message>
    <message>
        <source>Qt version:</source>
        <translation>Qt 版本：</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>数据文件夹：</translation>
    </message>
    <message>
        <source>Documentation:</source>
        <translation>文档：</translation>
    </message>
</context>
<context>
    <name>clev::AgentDetailView</name>
    <message>
        <source>Last hour</source>
        <translation>最近 1 小时</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>令牌</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Cache read</source>
        <translation>缓存读取</translation>
    </message>
    <message>
        <source>Cache write</source>
        <translation>缓存写入</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Through</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>持续时间</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>The crash report&apos;s traceback (select to copy)</source>
        <translation>崩溃报告的回溯（选中即可复制）</translation>
    </message>
    <message>
        <source>Time range</source>
        <translation>时间范围</translation>
    </message>
    <message>
        <source>Cost or tokens</source>
        <translation>费用或令牌</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Recent beats</source>
        <translation>最近的心跳</translation>
    </message>
    <message>
        <source>Restarts</source>
        <translation>重启记录</translation>
    </message>
    <message>
        <source>The agent&apos;s alerts</source>
        <translation>该代理的告警</translation>
    </message>
    <message>
        <source>Incident detail</source>
        <translation>事件详情</translation>
    </message>
    <message>
        <source>Usage by model</source>
        <translation>按模型的用量</translation>
    </message>
    <message>
        <source>Crash report</source>
        <translation>崩溃报告</translation>
    </message>
    <message>
        <source>Usage chart</source>
        <translation>用量图表</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>代理</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <source>Last seen: %1</source>
        <translation>最后出现：%1</translation>
    </message>
    <message>
        <source>Expected every %1 s</source>
        <translation>预期每 %1 秒一次</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>模型：%1</translation>
    </message>
    <message>
        <source>Today: %1 tokens, %2</source>
        <translation>今日：%1 个令牌，%2</translation>
    </message>
    <message>
        <source>restarted</source>
        <translation>已重启</translation>
    </message>
    <message>
        <source>restarted; before: %1</source>
        <translation>已重启；之前：%1</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>Restarts (%1)</source>
        <translation>重启记录 (%1)</translation>
    </message>
    <message>
        <source>open</source>
        <translation>未解决</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Alerts (%1)</source>
        <translation>告警 (%1)</translation>
    </message>
    <message>
        <source>total $%1</source>
        <translation>合计 $%1</translation>
    </message>
    <message>
        <source>total %1 tokens</source>
        <translation>合计 %1 个令牌</translation>
    </message>
    <message>
        <source>%1 per iteration (24 h)</source>
        <translation>每次迭代 %1（24 小时）</translation>
    </message>
    <message>
        <source>(not named)</source>
        <translation>（未指定）</translation>
    </message>
    <message>
        <source>Usage by model over the last 30 days</source>
        <translation>最近 30 天按模型的用量</translation>
    </message>
    <message>
        <source>Usage by model over the last 24 hours</source>
        <translation>最近 24 小时按模型的用量</translation>
    </message>
</context>
<context>
    <name>clev::AgentSettingsDialog</name>
    <message>
        <source>Settings of %1</source>
        <translation>%1 的设置</translation>
    </message>
    <message>
        <source>now: %1 s</source>
        <translation>当前：%1 秒</translation>
    </message>
    <message>
        <source>not known yet</source>
        <translation>尚不清楚</translation>
    </message>
    <message>
        <source>in local days; alerts at 80, 95 and 100 %</source>
        <translation>按本地日期计算；在 80%、95% 和 100% 时告警</translation>
    </message>
    <message>
        <source>A daily budget must be more than $0. Untick the box for no budget.</source>
        <translation>每日预算必须大于 $0。如不设预算，请取消勾选。</translation>
    </message>
    <message>
        <source>Do not restart</source>
        <translation>不重启</translation>
    </message>
    <message>
        <source>Docker container</source>
        <translation>Docker 容器</translation>
    </message>
    <message>
        <source>systemd unit</source>
        <translation>systemd 单元</translation>
    </message>
    <message>
        <source>systemd user unit</source>
        <translation>systemd 用户单元</translation>
    </message>
    <message>
        <source>auto (the container the agent runs in)</source>
        <translation>auto（代理所在的容器）</translation>
    </message>
    <message>
        <source>unit name, e.g. my-agent.service</source>
        <translation>单元名称，例如 my-agent.service</translation>
    </message>
    <message>
        <source>Enter the systemd unit to restart, such as my-agent.service.</source>
        <translation>请输入要重启的 systemd 单元，例如 my-agent.service。</translation>
    </message>
    <message>
        <source>A container or unit name holds only letters, digits and _ . - @ :</source>
        <translation>容器或单元名称只能包含字母、数字和 _ . - @ :</translation>
    </message>
</context>
<context>
    <name>clev::AgentsModel</name>
    <message numerus="yes">
        <source>%n s ago</source>
        <translation>
            <numerusform>%n 秒前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n 分钟前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n 小时前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days ago</source>
        <translation>
            <numerusform>%n 天前</numerusform>
        </translation>
    </message>
    <message>
        <source>new</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>healthy</source>
        <translation>健康</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>late</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source>dead</source>
        <translation>无响应</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已退出</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message numerus="yes">
        <source>%n beats today used a model without a known price: not counted</source>
        <translation>
            <numerusform>今天有 %n 个心跳使用了价格未知的模型：未计入</numerusform>
        </translation>
    </message>
    <message>
        <source>, looping</source>
        <translation>，循环中</translation>
    </message>
    <message>
        <source>, over budget</source>
        <translation>，超出预算</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>代理</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>最后出现</translation>
    </message>
    <message>
        <source>Interval</source>
        <translation>间隔</translation>
    </message>
    <message>
        <source>Tokens today</source>
        <translation>今日令牌</translation>
    </message>
    <message>
        <source>Cost today</source>
        <translation>今日费用</translation>
    </message>
    <message>
        <source>Iteration</source>
        <translation>迭代</translation>
    </message>
    <message>
        <source>Last message</source>
        <translation>最新消息</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>No history read yet</source>
        <translation>尚未读取历史</translation>
    </message>
    <message>
        <source>Uptime: %1 in the last 24 h, %2 in the last 30 days (time dead or in error counts as down; paused, stopped and before the first beat do not count)</source>
        <translation>可用率：过去 24 小时 %1，过去 30 天 %2（死亡或出错的时间计为停机；暂停、停止以及首次心跳之前不计入）</translation>
    </message>
    <message numerus="yes">
        <source>Last %n beats: </source>
        <translation>
            <numerusform>最近 %n 次心跳：</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 on time, %2 late, %3 missed</source>
        <translation>准时 %1，迟到 %2，缺失 %3</translation>
    </message>
    <message numerus="yes">
        <source>, %n with an error</source>
        <translation>
            <numerusform>，出错 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <source>Cost in the last 24 hours: %1 (at most %2 in one hour)</source>
        <translation>过去 24 小时的费用：%1（单小时最多 %2）</translation>
    </message>
    <message>
        <source>Last beats</source>
        <translation>最近心跳</translation>
    </message>
    <message>
        <source>Uptime 24 h</source>
        <translation>可用率 24 小时</translation>
    </message>
    <message>
        <source>Cost 24 h</source>
        <translation>费用 24 小时</translation>
    </message>
</context>
<context>
    <name>clev::AlertsModel</name>
    <message>
        <source>resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>open (silenced)</source>
        <translation>未解决（已静音）</translation>
    </message>
    <message>
        <source>open</source>
        <translation>未解决</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>代理</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>dead</source>
        <translation>无响应</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>crash</source>
        <translation>崩溃</translation>
    </message>
    <message>
        <source>loop</source>
        <translation>循环</translation>
    </message>
    <message>
        <source>budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>project budget</source>
        <translation>项目预算</translation>
    </message>
    <message>
        <source>restart failed</source>
        <translation>重启失败</translation>
    </message>
    <message>
        <source>flapping</source>
        <translation>反复掉线</translation>
    </message>
    <message>
        <source>Open for %1 so far</source>
        <translation>已持续 %1 未解决</translation>
    </message>
    <message>
        <source>%1 so far</source>
        <translation>至今 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n 秒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>解决时间</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>持续时间</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>确认时间</translation>
    </message>
</context>
<context>
    <name>clev::ApiKeysDialog</name>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>密钥</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>权限范围</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>最后使用</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Give the key a name, so you know later where it is used.</source>
        <translation>请为密钥命名，以便日后知道它在哪里使用。</translation>
    </message>
    <message>
        <source>Choose at least one scope: ingest to send heartbeats, read to read the status.</source>
        <translation>请至少选择一个权限：“写入”用于发送心跳，“读取”用于读取状态。</translation>
    </message>
    <message>
        <source>The key was not created: %1</source>
        <translation>未能创建密钥：%1</translation>
    </message>
    <message>
        <source>The key works, but no copy could be kept in the keychain (%1). Copy it now.</source>
        <translation>密钥可以使用，但无法在钥匙串中保存副本（%1）。请立即复制。</translation>
    </message>
    <message>
        <source>Revoke %1?</source>
        <translation>吊销 %1？</translation>
    </message>
    <message>
        <source>Agents using %1 get 401 from now on. Revoke it?</source>
        <translation>使用 %1 的代理今后会收到 401。确定吊销？</translation>
    </message>
    <message>
        <source>Could not %1: %2</source>
        <translation>无法%1：%2</translation>
    </message>
    <message>
        <source>revoked %1</source>
        <translation>已吊销 %1</translation>
    </message>
    <message>
        <source>active</source>
        <translation>有效</translation>
    </message>
</context>
<context>
    <name>clev::ChannelEditDialog</name>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Webhook</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <source>STARTTLS (port 587)</source>
        <translation>STARTTLS（端口 587）</translation>
    </message>
    <message>
        <source>TLS (port 465)</source>
        <translation>TLS（端口 465）</translation>
    </message>
    <message>
        <source>None (local relays only)</source>
        <translation>无（仅限本地中继）</translation>
    </message>
    <message>
        <source>Sending a test notification…</source>
        <translation>正在发送测试通知…</translation>
    </message>
    <message>
        <source>Sent: the test notification reached &apos;%1&apos;.</source>
        <translation>已发送：测试通知已送达“%1”。</translation>
    </message>
    <message>
        <source>The test failed: %1</source>
        <translation>测试失败：%1</translation>
    </message>
    <message>
        <source>New alert channel</source>
        <translation>新建告警渠道</translation>
    </message>
    <message>
        <source>Alert channel %1</source>
        <translation>告警渠道 %1</translation>
    </message>
    <message>
        <source>Events API URL</source>
        <translation>Events API 地址</translation>
    </message>
    <message>
        <source>Routing key</source>
        <translation>路由密钥</translation>
    </message>
    <message>
        <source>Webhook URL</source>
        <translation>Webhook URL</translation>
    </message>
    <message>
        <source>Signing secret (optional)</source>
        <translation>签名密钥（可选）</translation>
    </message>
    <message>
        <source>Give the channel a name.</source>
        <translation>请为渠道命名。</translation>
    </message>
    <message>
        <source>A channel name has at most 64 characters and no &apos;/&apos;.</source>
        <translation>渠道名称最多 64 个字符，且不能包含“/”。</translation>
    </message>
    <message>
        <source>There is already a channel named &apos;%1&apos;.</source>
        <translation>已存在名为“%1”的渠道。</translation>
    </message>
    <message>
        <source>Choose at least one kind of alert for this channel.</source>
        <translation>请为此渠道至少选择一种告警类型。</translation>
    </message>
    <message>
        <source>Enter the SMTP server&apos;s host name, such as mail.example.com.</source>
        <translation>请输入 SMTP 服务器的主机名，例如 mail.example.com。</translation>
    </message>
    <message>
        <source>The sender must be an e-mail address.</source>
        <translation>发件人必须是电子邮件地址。</translation>
    </message>
    <message>
        <source>Enter at least one recipient.</source>
        <translation>请至少输入一个收件人。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an e-mail address.</source>
        <translation>“%1”不是电子邮件地址。</translation>
    </message>
    <message>
        <source>Enter the password for %1, or clear the user for a server without sign-in.</source>
        <translation>请输入 %1 的密码；如服务器无需登录，请清空用户。</translation>
    </message>
    <message>
        <source>Enter the URL to send alerts to.</source>
        <translation>请输入接收告警的 URL。</translation>
    </message>
    <message>
        <source>The URL must start with https:// (or http:// for a receiver on your own network).</source>
        <translation>URL 必须以 https:// 开头（若接收方在您自己的网络中，也可用 http://）。</translation>
    </message>
    <message>
        <source>Enter the PagerDuty routing key (Integration Key of an Events API v2 integration).</source>
        <translation>请输入 PagerDuty 路由密钥（Events API v2 集成的 Integration Key）。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>clev::ChannelStore</name>
    <message>
        <source>The secrets of channel &apos;%1&apos; are not in the keychain: edit the channel to enter them again.</source>
        <translation>渠道“%1”的密钥不在钥匙串中：请编辑该渠道并重新输入。</translation>
    </message>
    <message>
        <source>Alert channels are off: %1</source>
        <translation>告警渠道已关闭：%1</translation>
    </message>
    <message>
        <source>Nothing was saved: %1</source>
        <translation>未保存任何内容：%1</translation>
    </message>
    <message>
        <source>The channel was not removed: %1</source>
        <translation>未移除该渠道：%1</translation>
    </message>
</context>
<context>
    <name>clev::ChannelsDialog</name>
    <message>
        <source>Remove %1?</source>
        <translation>移除 %1？</translation>
    </message>
    <message>
        <source>Remove the channel &apos;%1&apos; and its secrets from the keychain?</source>
        <translation>移除渠道“%1”并从钥匙串中删除其密钥？</translation>
    </message>
    <message>
        <source>all alerts</source>
        <translation>所有告警</translation>
    </message>
    <message>
        <source>No channels yet: alerts show in this window and the tray only.</source>
        <translation>还没有渠道：告警只显示在本窗口和托盘中。</translation>
    </message>
    <message>
        <source>Saved. Secrets are in the keychain.</source>
        <translation>已保存。密钥在钥匙串中。</translation>
    </message>
    <message>
        <source>Sending a test notification to &apos;%1&apos;…</source>
        <translation>正在向“%1”发送测试通知…</translation>
    </message>
    <message>
        <source>Sent: the test notification reached &apos;%1&apos;.</source>
        <translation>已发送：测试通知已送达“%1”。</translation>
    </message>
    <message>
        <source>The test failed: %1</source>
        <translation>测试失败：%1</translation>
    </message>
</context>
<context>
    <name>clev::CombinedSource</name>
    <message>
        <source>all sources</source>
        <translation>所有来源</translation>
    </message>
</context>
<context>
    <name>clev::ConnectAgentDialog</name>
    <message>
        <source>There is no ingest key yet: create one in API keys.</source>
        <translation>还没有写入密钥：请在“API 密钥”中创建一个。</translation>
    </message>
    <message>
        <source>The key comes from the system keychain.</source>
        <translation>密钥来自系统钥匙串。</translation>
    </message>
    <message>
        <source>Only a hash of this key is stored here, so it cannot be shown: the snippets use $CLEVAGENT_API_KEY. Create a new key in API keys to copy one.</source>
        <translation>此处只保存了该密钥的哈希，无法显示：代码示例使用 $CLEVAGENT_API_KEY。如需复制，请在“API 密钥”中创建新密钥。</translation>
    </message>
</context>
<context>
    <name>clev::CostsView</name>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>代理</translation>
    </message>
    <message>
        <source>Spent today</source>
        <translation>今日支出</translation>
    </message>
    <message>
        <source>Daily budget</source>
        <translation>每日预算</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>已用</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>others</source>
        <translation>其他</translation>
    </message>
    <message numerus="yes">
        <source>Cost per day, last %n day(s)</source>
        <translation>
            <numerusform>每日费用（最近 %n 天）</numerusform>
        </translation>
    </message>
    <message>
        <source>No priced usage in this period yet.</source>
        <translation>此期间尚无计费用量。</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;$%1&lt;/b&gt; in %n day(s). Top: %2</source>
        <translation>
            <numerusform>%n 天共 &lt;b&gt;$%1&lt;/b&gt;。最多：%2</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;Today against budget&lt;/b&gt; — no agent has a daily budget yet (set one in the agent&apos;s settings).</source>
        <translation>&lt;b&gt;今日预算使用情况&lt;/b&gt;——还没有代理设置每日预算（可在代理设置中设置）。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Today against budget&lt;/b&gt;</source>
        <translation>&lt;b&gt;今日预算使用情况&lt;/b&gt;</translation>
    </message>
    <message>
        <source>over budget</source>
        <translation>超出预算</translation>
    </message>
    <message>
        <source>reaches the budget at %1 at the last hour&apos;s rate</source>
        <translation>按最近一小时的速度，将在 %1 达到预算</translation>
    </message>
    <message>
        <source>stays within budget today</source>
        <translation>今天不会超出预算</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>clev::CredentialStore</name>
    <message>
        <source>Nothing is stored under this name in the keychain.</source>
        <translation>钥匙串中没有以此名称保存的内容。</translation>
    </message>
    <message>
        <source>The keychain refused access (it is locked, or access was denied). Unlock it and try again.</source>
        <translation>钥匙串拒绝访问（已锁定或访问被拒绝）。请解锁后重试。</translation>
    </message>
    <message>
        <source>No keychain is available: start a Secret Service such as GNOME Keyring or KWallet, then try again.</source>
        <translation>没有可用的钥匙串：请启动 GNOME Keyring 或 KWallet 等 Secret Service 后重试。</translation>
    </message>
    <message>
        <source>The keychain could not delete the entry: %1</source>
        <translation>钥匙串无法删除该条目：%1</translation>
    </message>
    <message>
        <source>The keychain is not usable: %1. Secrets are not stored anywhere else.</source>
        <translation>钥匙串不可用：%1。密钥不会保存到其他任何地方。</translation>
    </message>
    <message>
        <source>The keychain did not answer within %1 s: it may be locked behind an unlock prompt. Unlock it (for example in GNOME Keyring&apos;s &quot;Passwords and Keys&quot;) and try again.</source>
        <translation>钥匙串在 %1 秒内没有响应：可能正卡在解锁提示后面。请解锁（例如在 GNOME 的“密码和密钥”中）后重试。</translation>
    </message>
</context>
<context>
    <name>clev::DeliveriesModel</name>
    <message>
        <source>sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>待发送</translation>
    </message>
    <message>
        <source>next attempt %1</source>
        <translation>下次尝试 %1</translation>
    </message>
    <message>
        <source>%1; next attempt %2</source>
        <translation>%1；下次尝试 %2</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>入队时间</translation>
    </message>
    <message>
        <source>Sent or given up</source>
        <translation>发送或放弃时间</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
</context>
<context>
    <name>clev::DesktopApp</name>
    <message>
        <source>&amp;ClevAgent</source>
        <translation>ClevAgent(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Connect an agent…</source>
        <translation>连接代理(&amp;C)…</translation>
    </message>
    <message>
        <source>API &amp;keys…</source>
        <translation>API 密钥(&amp;K)…</translation>
    </message>
    <message>
        <source>Alert c&amp;hannels…</source>
        <translation>告警渠道(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>登录时启动</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The new language is used from the next start of ClevAgent.</source>
        <translation>新语言将在下次启动 ClevAgent 时生效。</translation>
    </message>
    <message>
        <source>Add a &amp;remote instance…</source>
        <translation>添加远程实例(&amp;R)…</translation>
    </message>
    <message>
        <source>Remove a remote instance…</source>
        <translation>移除远程实例…</translation>
    </message>
    <message>
        <source>Cannot watch %1: its key cannot be read from the keychain (%2)</source>
        <translation>无法监视 %1：无法从钥匙串读取其密钥（%2）</translation>
    </message>
    <message>
        <source>not there</source>
        <translation>不存在</translation>
    </message>
    <message>
        <source>Nothing was added: %1</source>
        <translation>未添加任何内容：%1</translation>
    </message>
    <message>
        <source>Add a remote instance</source>
        <translation>添加远程实例</translation>
    </message>
    <message>
        <source>Remove a remote instance</source>
        <translation>移除远程实例</translation>
    </message>
    <message>
        <source>There is no remote instance.</source>
        <translation>没有远程实例。</translation>
    </message>
    <message>
        <source>Stop watching:</source>
        <translation>停止监视：</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Documentation</source>
        <translation>文档(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;About ClevAgent</source>
        <translation>关于 ClevAgent(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
</context>
<context>
    <name>clev::DesktopNotifier</name>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Mute 1 h</source>
        <translation>静音 1 小时</translation>
    </message>
</context>
<context>
    <name>clev::LocalMonitor</name>
    <message>
        <source>Listening on %1</source>
        <translation>正在 %1 上监听</translation>
    </message>
    <message>
        <source>reach the engine</source>
        <translation>连接引擎</translation>
    </message>
    <message>
        <source>the local engine is not running</source>
        <translation>本地引擎未运行</translation>
    </message>
    <message>
        <source>acknowledge</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>paused from the desktop app</source>
        <translation>已在桌面应用中暂停</translation>
    </message>
    <message>
        <source>pause %1</source>
        <translation>暂停 %1</translation>
    </message>
    <message>
        <source>unknown agent</source>
        <translation>未知代理</translation>
    </message>
    <message>
        <source>resume</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>the agent is not paused</source>
        <translation>该代理未暂停</translation>
    </message>
    <message>
        <source>forget %1</source>
        <translation>遗忘 %1</translation>
    </message>
    <message>
        <source>save the settings of %1</source>
        <translation>保存 %1 的设置</translation>
    </message>
    <message>
        <source>silence %1</source>
        <translation>静音 %1</translation>
    </message>
    <message>
        <source>list the API keys</source>
        <translation>列出 API 密钥</translation>
    </message>
    <message>
        <source>no active key %1</source>
        <translation>没有有效的密钥 %1</translation>
    </message>
    <message>
        <source>revoke %1</source>
        <translation>吊销 %1</translation>
    </message>
    <message>
        <source>restart %1</source>
        <translation>重启 %1</translation>
    </message>
    <message>
        <source>no such alert</source>
        <translation>没有此告警</translation>
    </message>
</context>
<context>
    <name>clev::MainWindow</name>
    <message>
        <source>All states</source>
        <translation>所有状态</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>所有类型</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>任意时间</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>Export alerts</source>
        <translation>导出告警</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>完成：%1</translation>
    </message>
    <message>
        <source>Could not %1: %2</source>
        <translation>无法%1：%2</translation>
    </message>
    <message>
        <source>Costs</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>Export costs</source>
        <translation>导出费用</translation>
    </message>
    <message>
        <source>Forget %1?</source>
        <translation>遗忘 %1？</translation>
    </message>
    <message>
        <source>Delete %1 with its heartbeats, usage, timeline, alerts and settings? If it beats again it comes back as a new agent.</source>
        <translation>删除 %1 及其心跳、用量、时间线、告警和设置？如果它再次发送心跳，会作为新代理出现。</translation>
    </message>
    <message>
        <source>Select an alert, or type an agent name or pattern (such as batch-*) in the agent filter.</source>
        <translation>请选择一条告警，或在代理筛选框中输入名称或模式（如 batch-*）。</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 小时</translation>
    </message>
    <message>
        <source>4 hours</source>
        <translation>4 小时</translation>
    </message>
    <message>
        <source>8 hours</source>
        <translation>8 小时</translation>
    </message>
    <message>
        <source>24 hours</source>
        <translation>24 小时</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 天</translation>
    </message>
    <message>
        <source>Silence %1</source>
        <translation>静音 %1</translation>
    </message>
    <message>
        <source>Mute notifications for %1 (alerts are still recorded) for:</source>
        <translation>将 %1 的通知静音（告警仍会记录），时长：</translation>
    </message>
    <message>
        <source>silenced from the desktop app</source>
        <translation>已在桌面应用中静音</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>(create one with: clevagent-server keys create --scope ingest)</source>
        <translation>（创建方法：clevagent-server keys create --scope ingest）</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>, looping</source>
        <translation>，循环中</translation>
    </message>
    <message>
        <source>&lt;b&gt;Heartbeats are not received.&lt;/b&gt; %1&lt;br&gt;Choose another port:</source>
        <translation>&lt;b&gt;无法接收心跳。&lt;/b&gt;%1&lt;br&gt;请选择其他端口：</translation>
    </message>
    <message>
        <source>Not listening</source>
        <translation>未在监听</translation>
    </message>
    <message numerus="yes">
        <source>%n agent(s)</source>
        <translation>
            <numerusform>%n 个代理</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n dead</source>
        <translation>
            <numerusform>，%n 个无响应</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n late</source>
        <translation>
            <numerusform>，%n 个延迟</numerusform>
        </translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>%1 (disconnected)</source>
        <translation>%1（已断开）</translation>
    </message>
    <message>
        <source>Watching %1</source>
        <translation>正在监视 %1</translation>
    </message>
    <message>
        <source>Select an alert to read its whole detail.</source>
        <translation>选择一条告警以查看其完整详情。</translation>
    </message>
    <message numerus="yes">
        <source>, %n with errors</source>
        <translation>
            <numerusform>，%n 个出错</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: disconnected</source>
        <translation>%1：已断开</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n dead)</source>
        <translation>
            <numerusform>%1（%n 个无响应）</numerusform>
        </translation>
    </message>
    <message>
        <source>The key for %1 is read-only: acknowledging, silencing, pausing and settings need an admin key (clevagent-server keys create --scope admin).</source>
        <translation>%1 的密钥是只读的：确认、静默、暂停和设置需要管理员密钥（clevagent-server keys create --scope admin）。</translation>
    </message>
    <message>
        <source>Select an agent to see its timeline, incidents and costs</source>
        <translation>选择一个代理以查看其时间线、事件和费用</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>端点</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <source>Snippet</source>
        <translation>代码片段</translation>
    </message>
    <message>
        <source>Filter agents by name or message</source>
        <translation>按名称或消息筛选代理</translation>
    </message>
    <message>
        <source>Filter agents by state</source>
        <translation>按状态筛选代理</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>代理</translation>
    </message>
    <message>
        <source>Filter alerts by agent</source>
        <translation>按代理筛选告警</translation>
    </message>
    <message>
        <source>Filter alerts by kind</source>
        <translation>按类型筛选告警</translation>
    </message>
    <message>
        <source>Filter alerts by period</source>
        <translation>按时间段筛选告警</translation>
    </message>
    <message>
        <source>Alert history</source>
        <translation>告警历史</translation>
    </message>
    <message>
        <source>Alert detail</source>
        <translation>告警详情</translation>
    </message>
    <message>
        <source>Today against budget</source>
        <translation>今日支出与预算</translation>
    </message>
    <message>
        <source>Find an agent</source>
        <translation>查找代理</translation>
    </message>
    <message>
        <source>Show the agents</source>
        <translation>显示代理</translation>
    </message>
    <message>
        <source>Show the alerts</source>
        <translation>显示告警</translation>
    </message>
    <message>
        <source>Show the costs</source>
        <translation>显示费用</translation>
    </message>
    <message>
        <source>Costs chart</source>
        <translation>费用图表</translation>
    </message>
    <message>
        <source>The alert&apos;s notifications</source>
        <translation>告警的通知</translation>
    </message>
    <message>
        <source>Reading how its notifications went…</source>
        <translation>正在读取通知结果…</translation>
    </message>
    <message>
        <source>Select an alert to see how its notifications went.</source>
        <translation>选择一个告警以查看其通知结果。</translation>
    </message>
    <message>
        <source>Cannot read its notifications: %1</source>
        <translation>无法读取其通知：%1</translation>
    </message>
    <message>
        <source>No channel was notified: none takes this kind of alert, or it was silenced or recorded only.</source>
        <translation>没有通知任何渠道：没有渠道接收此类告警，或它已被静音或仅被记录。</translation>
    </message>
    <message numerus="yes">
        <source>Notifications: %n channel(s)</source>
        <translation>
            <numerusform>通知：%n 个渠道</numerusform>
        </translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>所有来源</translation>
    </message>
    <message>
        <source>Showing the agents of every source</source>
        <translation>正在显示所有来源的代理</translation>
    </message>
</context>
<context>
    <name>clev::RemoteDialog</name>
    <message>
        <source>Give the instance a name (without &apos;/&apos;).</source>
        <translation>请为实例命名（不含“/”）。</translation>
    </message>
    <message>
        <source>There is already an instance named &apos;%1&apos;.</source>
        <translation>已存在名为“%1”的实例。</translation>
    </message>
    <message>
        <source>The address must look like https://host:9475.</source>
        <translation>地址格式应为 https://host:9475。</translation>
    </message>
    <message>
        <source>Enter the read key (it starts with cv_).</source>
        <translation>请输入读取密钥（以 cv_ 开头）。</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>正在测试…</translation>
    </message>
    <message>
        <source>Trust this certificate (SHA-256 %1…)</source>
        <translation>信任此证书（SHA-256 %1…）</translation>
    </message>
</context>
<context>
    <name>clev::RemoteMonitor</name>
    <message>
        <source>the name %1 cannot be resolved (DNS)</source>
        <translation>无法解析名称 %1（DNS）</translation>
    </message>
    <message>
        <source>nothing listens on %1:%2 (TCP connection refused); is clevagent-server running there?</source>
        <translation>%1:%2 上没有监听（TCP 连接被拒绝）；那里在运行 clevagent-server 吗？</translation>
    </message>
    <message>
        <source>no answer from %1 in time</source>
        <translation>%1 未及时响应</translation>
    </message>
    <message>
        <source>the TLS handshake failed: %1</source>
        <translation>TLS 握手失败：%1</translation>
    </message>
    <message>
        <source>%1 closed the connection (is it HTTPS where HTTP is expected, or the other way round?)</source>
        <translation>%1 关闭了连接（是否把 HTTP 和 HTTPS 弄反了？）</translation>
    </message>
    <message>
        <source>REFUSED: the server&apos;s certificate changed. Pinned %1, now %2. Someone may be in between; if the server got a new certificate, remove and add the connection again.</source>
        <translation>已拒绝：服务器证书已变更。固定值 %1，现为 %2。可能有人在中间；如果服务器更换了证书，请移除并重新添加该连接。</translation>
    </message>
    <message>
        <source>the server&apos;s certificate is not trusted (SHA-256 %1); test the connection to pin it</source>
        <translation>服务器证书不受信任（SHA-256 %1）；请测试连接以固定它</translation>
    </message>
    <message>
        <source>the key was refused (401): %1</source>
        <translation>密钥被拒绝（401）：%1</translation>
    </message>
    <message>
        <source>the key may not do this (403): %1</source>
        <translation>该密钥无权执行此操作（403）：%1</translation>
    </message>
    <message>
        <source>the server answered %1: %2</source>
        <translation>服务器返回 %1：%2</translation>
    </message>
    <message>
        <source>%1: disconnected since %2 (%3); retrying in %4 s</source>
        <translation>%1：自 %2 起断开（%3）；%4 秒后重试</translation>
    </message>
    <message>
        <source>the key lacks the read scope (403)</source>
        <translation>该密钥缺少读取权限（403）</translation>
    </message>
    <message>
        <source>the server answered %1</source>
        <translation>服务器返回 %1</translation>
    </message>
    <message>
        <source>the server ended the event stream</source>
        <translation>服务器结束了事件流</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>已连接到 %1</translation>
    </message>
    <message>
        <source>read the agents of %1</source>
        <translation>读取 %1 的代理</translation>
    </message>
    <message>
        <source>found %1 after reconnecting</source>
        <translation>重新连接后发现为 %1</translation>
    </message>
    <message>
        <source>read the alerts</source>
        <translation>读取告警</translation>
    </message>
    <message>
        <source>acknowledge</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>paused from ClevAgent Desktop</source>
        <translation>已在 ClevAgent Desktop 中暂停</translation>
    </message>
    <message>
        <source>pause %1</source>
        <translation>暂停 %1</translation>
    </message>
    <message>
        <source>resume</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>read the costs</source>
        <translation>读取费用</translation>
    </message>
    <message>
        <source>forget %1</source>
        <translation>遗忘 %1</translation>
    </message>
    <message>
        <source>save the settings of %1</source>
        <translation>保存 %1 的设置</translation>
    </message>
    <message>
        <source>silence %1</source>
        <translation>静音 %1</translation>
    </message>
    <message>
        <source>The address must look like https://host:9475 or http://host:9475.</source>
        <translation>地址格式应为 https://host:9475 或 http://host:9475。</translation>
    </message>
    <message>
        <source>The name %1 cannot be resolved (DNS): %2</source>
        <translation>无法解析名称 %1（DNS）：%2</translation>
    </message>
    <message>
        <source>REFUSED: the certificate changed. Pinned %1, the server shows %2.</source>
        <translation>已拒绝：证书已变更。固定值 %1，服务器出示 %2。</translation>
    </message>
    <message>
        <source>TLS works, but the certificate is not signed by an authority this computer trusts. Its SHA-256 fingerprint is %1. Compare it with the one clevagent-server printed, then trust it.</source>
        <translation>TLS 可用，但证书并非由本机信任的机构签发。其 SHA-256 指纹为 %1。请与 clevagent-server 输出的指纹核对后再信任。</translation>
    </message>
    <message>
        <source>%1 answers, but not as clevagent-server (HTTP %2 on /healthz).</source>
        <translation>%1 有响应，但不是 clevagent-server（/healthz 返回 HTTP %2）。</translation>
    </message>
    <message numerus="yes">
        <source>Connected: clevagent-server %1, %n agent(s).</source>
        <translation>
            <numerusform>已连接：clevagent-server %1，%n 个代理。</numerusform>
        </translation>
    </message>
    <message>
        <source>The server (version %1) refuses this key (401): check it, or create a read key there with &apos;clevagent-server keys create --scope read&apos;.</source>
        <translation>服务器（版本 %1）拒绝此密钥（401）：请检查，或在服务器上用“clevagent-server keys create --scope read”创建读取密钥。</translation>
    </message>
    <message>
        <source>This key may not read (403): it needs the read scope; an ingest key only sends heartbeats.</source>
        <translation>此密钥无读取权限（403）：需要读取权限；写入密钥只能发送心跳。</translation>
    </message>
    <message>
        <source>The server answered HTTP %1 on /api/v1/status.</source>
        <translation>服务器在 /api/v1/status 上返回 HTTP %1。</translation>
    </message>
    <message>
        <source>the server sent more than %1 MiB in one answer or event; it was not read</source>
        <translation>服务器在一个响应或事件中发送了超过 %1 MiB 的数据，未读取</translation>
    </message>
    <message>
        <source>%1:%2 answers, but without TLS: that clevagent-server runs plain HTTP. Use http://%1:%2 (or start the server with --tls-cert and --tls-key).</source>
        <translation>%1:%2 有应答，但没有 TLS：该 clevagent-server 使用普通 HTTP。请使用 http://%1:%2（或使用 --tls-cert 和 --tls-key 启动服务器）。</translation>
    </message>
    <message>
        <source>restart %1</source>
        <translation>重启 %1</translation>
    </message>
</context>
<context>
    <name>clev::SettingsDialog</name>
    <message>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <source>127.0.0.1 — this computer only</source>
        <translation>127.0.0.1——仅本机</translation>
    </message>
    <message>
        <source>0.0.0.0 — every network of this computer</source>
        <translation>0.0.0.0——本机的所有网络</translation>
    </message>
    <message>
        <source>::1 — this computer only (IPv6)</source>
        <translation>::1——仅本机（IPv6）</translation>
    </message>
    <message>
        <source>System time zone (%1)</source>
        <translation>系统时区（%1）</translation>
    </message>
    <message>
        <source>Listen beyond this computer?</source>
        <translation>允许本机以外的访问？</translation>
    </message>
    <message>
        <source>On %1, agents on other machines can reach ClevAgent. Anyone with a valid key can then send heartbeats, and the port is open to your network: make sure a firewall or a VPN limits who can reach it. Listen on %1?</source>
        <translation>在 %1 上，其他机器上的代理可以访问 ClevAgent。任何持有有效密钥的人都能发送心跳，端口也会向您的网络开放：请确保用防火墙或 VPN 限制访问者。要在 %1 上监听吗？</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an IP address. Use 127.0.0.1 for this computer only, or the address of one of its networks.</source>
        <translation>“%1”不是 IP 地址。仅本机请使用 127.0.0.1，或使用本机某个网络的地址。</translation>
    </message>
    <message>
        <source>Ports below 1024 need administrator rights; choose 1024 or above (the default is 9475).</source>
        <translation>1024 以下的端口需要管理员权限；请选择 1024 或以上（默认为 9475）。</translation>
    </message>
    <message>
        <source>System (follow the desktop)</source>
        <translation>系统（跟随桌面）</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
</context>
<context>
    <name>clev::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>clev::StatusStrip</name>
    <message>
        <source>Show only %1 agents; click again to show all</source>
        <translation>仅显示状态为“%1”的代理；再次点击显示全部</translation>
    </message>
    <message>
        <source>Show the open incidents in the Alerts tab</source>
        <translation>在“告警”标签页中显示未解决的事件</translation>
    </message>
    <message>
        <source>Today %1 of %2 in daily budgets</source>
        <translation>今日 %1 / 每日预算合计 %2</translation>
    </message>
    <message>
        <source>Today %1 (no daily budgets)</source>
        <translation>今日 %1（无每日预算）</translation>
    </message>
    <message numerus="yes">
        <source>%n open incident(s)</source>
        <translation>
            <numerusform>%n 个未解决的事件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>clev::StatusWindow</name>
    <message>
        <source>ClevAgent status</source>
        <translation>ClevAgent 状态</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Mute 1 h</source>
        <translation>静音 1 小时</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>No agents yet</source>
        <translation>还没有代理</translation>
    </message>
</context>
<context>
    <name>clev::TimelineBar</name>
    <message>
        <source>States over the last 24 hours</source>
        <translation>最近 24 小时的状态</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
    <message>
        <source>%1
%2 – %3 (%4)</source>
        <translation>%1
%2 – %3（%4）</translation>
    </message>
</context>
<context>
    <name>clev::TrayController</name>
    <message>
        <source>Open ClevAgent</source>
        <translation>打开 ClevAgent</translation>
    </message>
    <message>
        <source>Pause notifications for 1 hour</source>
        <translation>暂停通知 1 小时</translation>
    </message>
    <message>
        <source>Mute an agent for 1 hour</source>
        <translation>将某个代理静音 1 小时</translation>
    </message>
    <message>
        <source>Sound on notifications</source>
        <translation>通知时播放声音</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>ClevAgent</source>
        <translation>ClevAgent</translation>
    </message>
    <message>
        <source>No system tray</source>
        <translation>没有系统托盘</translation>
    </message>
    <message>
        <source>This desktop has no system tray. ClevAgent shows a small status window that stays on top instead: it tells you when an agent dies, and closing the main window keeps monitoring there.</source>
        <translation>此桌面没有系统托盘。ClevAgent 会改为显示一个始终置顶的小状态窗口：代理无响应时它会提醒您，关闭主窗口后仍在那里继续监控。</translation>
    </message>
    <message>
        <source>(no agent in trouble)</source>
        <translation>（没有出问题的代理）</translation>
    </message>
    <message>
        <source>ClevAgent — %1</source>
        <translation>ClevAgent——%1</translation>
    </message>
    <message>
        <source>%1 is dead</source>
        <translation>%1 无响应</translation>
    </message>
    <message>
        <source>%1 crashed</source>
        <translation>%1 已崩溃</translation>
    </message>
    <message>
        <source>%1 is looping</source>
        <translation>%1 陷入循环</translation>
    </message>
    <message>
        <source>%1 used %2 % of its budget</source>
        <translation>%1 已用掉预算的 %2%</translation>
    </message>
    <message>
        <source>Project %1 used %2 % of its budget</source>
        <translation>项目 %1 已用掉预算的 %2%</translation>
    </message>
    <message>
        <source>%1 is flapping</source>
        <translation>%1 反复宕机又恢复</translation>
    </message>
    <message numerus="yes">
        <source>It died %n times within %1 and came back each time; it is dead now. Its deaths and recoveries are not notified one by one until it stays up.</source>
        <translation>
            <numerusform>它在 %1 内宕机 %n 次，每次都恢复了；现在无响应。在它稳定运行之前，宕机与恢复不再逐一通知。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is back</source>
        <translation>%1 已恢复</translation>
    </message>
    <message>
        <source>Agents in trouble</source>
        <translation>有问题的代理</translation>
    </message>
    <message>
        <source>, looping</source>
        <translation>，循环中</translation>
    </message>
    <message>
        <source>, over budget</source>
        <translation>，超出预算</translation>
    </message>
    <message>
        <source>%1 — %2, seen %3</source>
        <translation>%1 — %2，最后出现 %3</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>More in the window…</source>
        <translation>在窗口中查看更多…</translation>
    </message>
    <message>
        <source>All agents are fine</source>
        <translation>所有代理均正常</translation>
    </message>
</context>
<context>
    <name>clev::UsageChart</name>
    <message>
        <source>%1 tokens</source>
        <translation>%1 个令牌</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Cache read</source>
        <translation>缓存读取</translation>
    </message>
    <message>
        <source>Cache write</source>
        <translation>缓存写入</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>令牌</translation>
    </message>
</context>
</TS>
