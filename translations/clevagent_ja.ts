<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>AgentDetailView</name>
    <message>
        <source>Agent</source>
        <translation>エージェント</translation>
    </message>
    <message>
        <source>Pause alerts 1 h</source>
        <translation>アラートを 1 時間停止</translation>
    </message>
    <message>
        <source>4 h</source>
        <translation>4 時間</translation>
    </message>
    <message>
        <source>8 h</source>
        <translation>8 時間</translation>
    </message>
    <message>
        <source>Until resumed</source>
        <translation>再開まで</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>再開</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>再起動</translation>
    </message>
    <message>
        <source>Restart the agent now through its restart target (its container, unit or process)</source>
        <translation>再起動先 (コンテナー、ユニット、プロセス) を通じてエージェントを今すぐ再起動します</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>設定…</translation>
    </message>
    <message>
        <source>Forget…</source>
        <translation>削除…</translation>
    </message>
    <message>
        <source>Delete this agent and everything stored about it</source>
        <translation>このエージェントと保存されたすべての情報を削除します</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>使用量</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>タイムライン</translation>
    </message>
    <message>
        <source>Recent beats</source>
        <translation>最近のハートビート</translation>
    </message>
    <message>
        <source>Restarts</source>
        <translation>再起動履歴</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>アラート</translation>
    </message>
    <message>
        <source>Select an incident to read its whole detail.</source>
        <translation>インシデントを選択すると詳細全体を表示します。</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <source>Copy the incident&apos;s detail (a crash&apos;s traceback) to the clipboard</source>
        <translation>インシデントの詳細（クラッシュのトレースバック）をクリップボードにコピー</translation>
    </message>
</context>
<context>
    <name>AgentSettingsDialog</name>
    <message>
        <source>Agent settings</source>
        <translation>エージェントの設定</translation>
    </message>
    <message>
        <source>Values set here win over what the agent sends and over the defaults. Leave a box unticked to use the default.</source>
        <translation>ここで設定した値は、エージェントが送る値や既定値より優先されます。既定値を使うにはチェックを外したままにしてください。</translation>
    </message>
    <message>
        <source>Expected interval</source>
        <translation>想定間隔</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Grace before dead</source>
        <translation>応答なしと判定するまでの猶予</translation>
    </message>
    <message>
        <source>default: one more interval</source>
        <translation>既定: もう 1 間隔</translation>
    </message>
    <message>
        <source>Daily budget</source>
        <translation>1 日の予算</translation>
    </message>
    <message>
        <source>Loop after the same tool call</source>
        <translation>同じツール呼び出しでループ</translation>
    </message>
    <message>
        <source> times</source>
        <translation> 回</translation>
    </message>
    <message>
        <source>default: 5 times in a row</source>
        <translation>既定: 5 回連続</translation>
    </message>
    <message>
        <source>Iteration cap</source>
        <translation>反復の上限</translation>
    </message>
    <message>
        <source>default: no cap</source>
        <translation>既定: 上限なし</translation>
    </message>
    <message>
        <source>Restart when dead</source>
        <translation>応答なし時に再起動</translation>
    </message>
</context>
<context>
    <name>ApiKeysDialog</name>
    <message>
        <source>API keys</source>
        <translation>API キー</translation>
    </message>
    <message>
        <source>Agents send heartbeats with an ingest key; dashboards read with a read key. Only a hash of each key is stored: a key is shown once, when it is created.</source>
        <translation>エージェントは取り込みキーでハートビートを送り、ダッシュボードは読み取りキーで読み取ります。保存されるのは各キーのハッシュだけで、キーは作成時に一度だけ表示されます。</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>失効</translation>
    </message>
    <message>
        <source>New key</source>
        <translation>新しいキー</translation>
    </message>
    <message>
        <source>Name, e.g. laptop agents</source>
        <translation>名前（例: ノート PC のエージェント）</translation>
    </message>
    <message>
        <source>Ingest</source>
        <translation>取り込み</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>読み取り</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>管理</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>作成</translation>
    </message>
    <message>
        <source>&lt;b&gt;Your new key&lt;/b&gt; — copy it now; it is not shown again here. A copy is kept in the system keychain for &quot;Connect an agent&quot;.</source>
        <translation>&lt;b&gt;新しいキー&lt;/b&gt; — 今すぐコピーしてください。ここでは二度と表示されません。「エージェントを接続」用にシステムのキーチェーンにコピーが保管されます。</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>コピー</translation>
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
        <translation>%1 で再起動しました（%3 回中 %2 回目）</translation>
    </message>
    <message>
        <source>restart through %1 failed: %2</source>
        <translation>%1 での再起動に失敗しました: %2</translation>
    </message>
    <message>
        <source>%1 after %2</source>
        <translation>%1（きっかけ: %2）</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1、%2</translation>
    </message>
    <message>
        <source>Agent &apos;%1&apos; spent its daily budget</source>
        <translation>エージェント「%1」が1日の予算を使い切りました</translation>
    </message>
    <message>
        <source>Agent &apos;%1&apos; used %2 % of its daily budget</source>
        <translation>エージェント「%1」が1日の予算の %2 % を使いました</translation>
    </message>
    <message>
        <source>Project &apos;%1&apos; spent its daily budget</source>
        <translation>プロジェクト「%1」が1日の予算を使い切りました</translation>
    </message>
    <message>
        <source>Project &apos;%1&apos; used %2 % of its daily budget</source>
        <translation>プロジェクト「%1」が1日の予算の %2 % を使いました</translation>
    </message>
    <message>
        <source>budget: %1 % of the daily %2 spent (%3)</source>
        <translation>予算: 1日の予算 %2 の %1 % を使用（%3）</translation>
    </message>
    <message>
        <source>project &apos;%1&apos; budget: %2 % of the daily %3 spent (%4)</source>
        <translation>プロジェクト「%1」の予算: 1日の予算 %3 の %2 % を使用（%4）</translation>
    </message>
    <message>
        <source>the tool &apos;%1&apos; was called %2 times in a row with the same arguments</source>
        <translation>ツール「%1」が同じ引数で %2 回続けて呼ばれました</translation>
    </message>
    <message>
        <source>the same prompts were sent on %1 beats in a row while tokens kept flowing</source>
        <translation>トークンを消費しながら、同じプロンプトが %1 回のハートビートで続けて送られました</translation>
    </message>
    <message>
        <source>%1 tokens per beat on %2 beats running, over %3 x the 24 h mean of %4</source>
        <translation>ハートビートあたり %1 トークンが %2 回続き、24 時間平均 %4 の %3 倍を超えました</translation>
    </message>
    <message>
        <source>%1 tool calls per beat on %2 beats running, over %3 x the 24 h mean of %4</source>
        <translation>ハートビートあたり %1 回のツール呼び出しが %2 回続き、24 時間平均 %4 の %3 倍を超えました</translation>
    </message>
    <message>
        <source>iteration %1 is past the cap of %2</source>
        <translation>反復 %1 が上限 %2 を超えました</translation>
    </message>
    <message>
        <source>beat: ok</source>
        <translation>ハートビート: 正常</translation>
    </message>
    <message>
        <source>beat: warning</source>
        <translation>ハートビート: 警告</translation>
    </message>
    <message>
        <source>beat: error</source>
        <translation>ハートビート: エラー</translation>
    </message>
    <message>
        <source>clean shutdown</source>
        <translation>正常終了</translation>
    </message>
    <message>
        <source>no beat for %1 (expected every %2)</source>
        <translation>%1 ハートビートがありません（%2 ごとの予定）</translation>
    </message>
    <message>
        <source>no beat for %1</source>
        <translation>%1 ハートビートがありません</translation>
    </message>
    <message>
        <source>no beat since %1 (%2); found at start-up</source>
        <translation>%1 以降ハートビートがありません（%2）。起動時に検出</translation>
    </message>
    <message>
        <source>no beat since %1; found at start-up</source>
        <translation>%1 以降ハートビートがありません。起動時に検出</translation>
    </message>
    <message>
        <source>loop detected: %1</source>
        <translation>ループを検出: %1</translation>
    </message>
    <message>
        <source>loop ended</source>
        <translation>ループが終了しました</translation>
    </message>
    <message>
        <source>paused until %1</source>
        <translation>%1 まで一時停止</translation>
    </message>
    <message>
        <source>paused until resumed</source>
        <translation>再開するまで一時停止</translation>
    </message>
    <message>
        <source>pause ended</source>
        <translation>一時停止が終了しました</translation>
    </message>
    <message>
        <source>pause ended while nothing watched</source>
        <translation>監視していない間に一時停止が終了しました</translation>
    </message>
    <message>
        <source>resumed</source>
        <translation>再開しました</translation>
    </message>
    <message>
        <source>interval or grace changed</source>
        <translation>間隔または猶予が変更されました</translation>
    </message>
    <message>
        <source>interval or grace changed; the next beat is due later</source>
        <translation>間隔または猶予が変更されました。次のハートビートの期限は後になります</translation>
    </message>
    <message>
        <source>the agent is %1</source>
        <translation>エージェントの状態: %1</translation>
    </message>
    <message>
        <source>the agent is %1; its last message: %2</source>
        <translation>エージェントの状態: %1。最後のメッセージ: %2</translation>
    </message>
    <message>
        <source>restart: %1</source>
        <translation>再起動: %1</translation>
    </message>
    <message>
        <source>died: %1</source>
        <translation>停止: %1</translation>
    </message>
    <message>
        <source>crashed: %1</source>
        <translation>クラッシュ: %1</translation>
    </message>
    <message>
        <source>exited: %1</source>
        <translation>終了: %1</translation>
    </message>
    <message>
        <source>asked by a person</source>
        <translation>人が要求しました</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Agent &apos;%1&apos; is dead</source>
        <translation>エージェント「%1」が停止しています</translation>
    </message>
    <message>
        <source>Agent &apos;%1&apos; reports an error</source>
        <translation>エージェント「%1」がエラーを報告しています</translation>
    </message>
    <message>
        <source>Agent &apos;%1&apos; crashed</source>
        <translation>エージェント「%1」がクラッシュしました</translation>
    </message>
    <message>
        <source>Agent &apos;%1&apos; is looping</source>
        <translation>エージェント「%1」がループしています</translation>
    </message>
    <message>
        <source>Agent &apos;%1&apos; is flapping</source>
        <translation>エージェント「%1」が不安定です（停止と復帰を繰り返しています）</translation>
    </message>
    <message>
        <source>Agent &apos;%1&apos; could not be restarted</source>
        <translation>エージェント「%1」を再起動できませんでした</translation>
    </message>
    <message>
        <source>Agent &apos;%1&apos; exited</source>
        <translation>エージェント「%1」が終了しました</translation>
    </message>
    <message>
        <source>It died %1 times within %2 and came back each time; it is dead now (%3). Its deaths and recoveries are recorded but not notified one by one until it has stayed up for %2.</source>
        <translation>%2 以内に %1 回停止し、そのたびに復帰しました。現在は停止しています（%3）。停止と復帰は記録されますが、%2 の間稼働し続けるまで個別には通知されません。</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 時間 %2 分</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 日</translation>
    </message>
    <message>
        <source>%1 (back after %2 of silence)</source>
        <translation>%1（%2 の沈黙の後に復帰）</translation>
    </message>
    <message>
        <source>%1; no beat for %2</source>
        <translation>%1。%2 ハートビートがありません</translation>
    </message>
    <message>
        <source>%1 (from the last stored beat, at start-up)</source>
        <translation>%1（起動時、最後に保存されたハートビートから）</translation>
    </message>
    <message>
        <source>%1 (last spent by agent &apos;%2&apos;)</source>
        <translation>%1（最後の支出はエージェント「%2」）</translation>
    </message>
    <message>
        <source>%1 (found at start-up)</source>
        <translation>%1（起動時に検出）</translation>
    </message>
</context>
<context>
    <name>ChannelEditDialog</name>
    <message>
        <source>Alert channel</source>
        <translation>アラートチャネル</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>e.g. ops-slack</source>
        <translation>例: ops-slack</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Alerts it receives</source>
        <translation>受け取るアラート</translation>
    </message>
    <message>
        <source>Agent dead</source>
        <translation>エージェント応答なし</translation>
    </message>
    <message>
        <source>Crash</source>
        <translation>クラッシュ</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>Loop</source>
        <translation>ループ</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>予算</translation>
    </message>
    <message>
        <source>Restart failed</source>
        <translation>再起動失敗</translation>
    </message>
    <message>
        <source>Webhook URL</source>
        <translation>Webhook URL</translation>
    </message>
    <message>
        <source>Signing secret</source>
        <translation>署名シークレット</translation>
    </message>
    <message>
        <source>SMTP server</source>
        <translation>SMTP サーバー</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>セキュリティ</translation>
    </message>
    <message>
        <source>User</source>
        <translation>ユーザー</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <source>From</source>
        <translation>差出人</translation>
    </message>
    <message>
        <source>To</source>
        <translation>宛先</translation>
    </message>
    <message>
        <source>URLs, secrets and passwords are kept in the system keychain, never in a file.</source>
        <translation>URL、シークレット、パスワードはシステムのキーチェーンに保管され、ファイルには保存されません。</translation>
    </message>
    <message>
        <source>Send test</source>
        <translation>テスト送信</translation>
    </message>
</context>
<context>
    <name>ChannelsDialog</name>
    <message>
        <source>Alert channels</source>
        <translation>アラートチャネル</translation>
    </message>
    <message>
        <source>Where alerts go besides this window: Slack, Discord, a webhook of your own, PagerDuty or e-mail.</source>
        <translation>このウィンドウ以外のアラートの送り先: Slack、Discord、独自の Webhook、PagerDuty、メール。</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>追加…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>編集…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Send test</source>
        <translation>テスト送信</translation>
    </message>
</context>
<context>
    <name>ConnectAgentDialog</name>
    <message>
        <source>Connect an agent</source>
        <translation>エージェントを接続</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>エンドポイント</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API キー</translation>
    </message>
    <message>
        <source>Agent name</source>
        <translation>エージェント名</translation>
    </message>
    <message>
        <source>Python SDK</source>
        <translation>Python SDK</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>環境変数</translation>
    </message>
    <message>
        <source>Copy snippet</source>
        <translation>コードをコピー</translation>
    </message>
</context>
<context>
    <name>DesktopSettings</name>
    <message>
        <source>Cannot remove %1</source>
        <translation>%1 を削除できません</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 に書き込めません: %2</translation>
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
        <translation>このポートを使う</translation>
    </message>
    <message>
        <source>&lt;h2&gt;No agents yet&lt;/h2&gt;&lt;p&gt;Add two lines to your agent and it appears here on its first heartbeat.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;エージェントはまだありません&lt;/h2&gt;&lt;p&gt;エージェントに 2 行追加すると、最初のハートビートでここに表示されます。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>エンドポイント</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API キー</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <source>Python (pip install ./sdk/python):</source>
        <translation>Python（pip install ./sdk/python）:</translation>
    </message>
    <message>
        <source>Copy snippet</source>
        <translation>コードをコピー</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>エージェント</translation>
    </message>
    <message>
        <source>Filter by name or message</source>
        <translation>名前またはメッセージで絞り込み</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>エージェント</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>アラート</translation>
    </message>
    <message>
        <source>Open only</source>
        <translation>未解決のみ</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>確認済みにする</translation>
    </message>
    <message>
        <source>Silence…</source>
        <translation>ミュート…</translation>
    </message>
    <message>
        <source>Mute notifications for this agent (alerts are still recorded)</source>
        <translation>このエージェントの通知をミュート（アラートは記録され続けます）</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV をエクスポート…</translation>
    </message>
    <message>
        <source>This computer and the remote instances</source>
        <translation>このコンピューターとリモートインスタンス</translation>
    </message>
</context>
<context>
    <name>RemoteDialog</name>
    <message>
        <source>Add a remote instance</source>
        <translation>リモートインスタンスを追加</translation>
    </message>
    <message>
        <source>Watch the agents of a clevagent-server on another machine. It needs a key with the read scope (clevagent-server keys create --scope read); the key is kept in the system keychain.</source>
        <translation>別のマシンの clevagent-server のエージェントを監視します。読み取りスコープのキーが必要です（clevagent-server keys create --scope read）。キーはシステムのキーチェーンに保管されます。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>e.g. gpu-box</source>
        <translation>例: gpu-box</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>アドレス</translation>
    </message>
    <message>
        <source>Read key</source>
        <translation>読み取りキー</translation>
    </message>
    <message>
        <source>Trust this certificate (pin its fingerprint)</source>
        <translation>この証明書を信頼する（フィンガープリントを固定）</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>接続をテスト</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Heartbeat listener</source>
        <translation>ハートビートの受信</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>アドレス</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>ポート</translation>
    </message>
    <message>
        <source>Watching</source>
        <translation>監視</translation>
    </message>
    <message>
        <source>Default interval</source>
        <translation>既定の間隔</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Default grace</source>
        <translation>既定の猶予</translation>
    </message>
    <message>
        <source>one more interval</source>
        <translation>もう 1 間隔</translation>
    </message>
    <message>
        <source>Keep heartbeats for</source>
        <translation>ハートビートの保存期間</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 日</translation>
    </message>
    <message>
        <source>Budget days in</source>
        <translation>予算の日付の基準</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>通知</translation>
    </message>
    <message>
        <source>Agent dead</source>
        <translation>エージェント応答なし</translation>
    </message>
    <message>
        <source>Crash</source>
        <translation>クラッシュ</translation>
    </message>
    <message>
        <source>Loop</source>
        <translation>ループ</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>予算</translation>
    </message>
    <message>
        <source>Play a sound</source>
        <translation>音を鳴らす</translation>
    </message>
    <message>
        <source>General</source>
        <translation>全般</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>Start ClevAgent when I log in</source>
        <translation>ログイン時に ClevAgent を起動</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>テーマ</translation>
    </message>
</context>
<context>
    <name>clev::AboutDialog</name>
    <message>
        <source>About ClevAgent</source>
        <translation>ClevAgent について</translation>
    </message>
    <message>
        <source>A local monitor for AI agents: heartbeats, crashes, loops and spending.</source>
        <translation>AI エージェントのローカル モニター: ハートビート、クラッシュ、ループ、コスト。</translation>
    </message>
    <message>
        <source>%1 (built with %2)</source>
        <translation>%1 (%2 でビルド)</translation>
    </message>
    <message>
        <source>License:</source>
        <translation>ライセンス:</translation>
    </message>
    <message>
        <source>Qt version:</source>
        <translation>Qt のバージョン:</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>データ フォルダー:</translation>
    </message>
    <message>
        <source>Documentation:</source>
        <translation>ドキュメント:</translation>
    </message>
</context>
<context>
    <name>clev::AgentDetailView</name>
    <message>
        <source>Last hour</source>
        <translation>過去 1 時間</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>過去 24 時間</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>過去 30 日間</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>コスト</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>トークン</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>入力</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>出力</translation>
    </message>
    <message>
        <source>Cache read</source>
        <translation>キャッシュ読み取り</translation>
    </message>
    <message>
        <source>Cache write</source>
        <translation>キャッシュ書き込み</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受信日時</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>ステータス</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <source>When</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Through</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>発生日時</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>解決</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>期間</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>確認済み</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>概要</translation>
    </message>
    <message>
        <source>The crash report&apos;s traceback (select to copy)</source>
        <translation>クラッシュレポートのトレースバック（選択してコピー）</translation>
    </message>
    <message>
        <source>Time range</source>
        <translation>期間</translation>
    </message>
    <message>
        <source>Cost or tokens</source>
        <translation>コストまたはトークン</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>タイムライン</translation>
    </message>
    <message>
        <source>Recent beats</source>
        <translation>最近のハートビート</translation>
    </message>
    <message>
        <source>Restarts</source>
        <translation>再起動履歴</translation>
    </message>
    <message>
        <source>The agent&apos;s alerts</source>
        <translation>エージェントのアラート</translation>
    </message>
    <message>
        <source>Incident detail</source>
        <translation>インシデントの詳細</translation>
    </message>
    <message>
        <source>Usage by model</source>
        <translation>モデル別の使用量</translation>
    </message>
    <message>
        <source>Crash report</source>
        <translation>クラッシュレポート</translation>
    </message>
    <message>
        <source>Usage chart</source>
        <translation>使用量グラフ</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>エージェント</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>アラート</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>状態: %1</translation>
    </message>
    <message>
        <source>Last seen: %1</source>
        <translation>最終確認: %1</translation>
    </message>
    <message>
        <source>Expected every %1 s</source>
        <translation>想定間隔 %1 秒</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>モデル: %1</translation>
    </message>
    <message>
        <source>Today: %1 tokens, %2</source>
        <translation>本日: %1 トークン、%2</translation>
    </message>
    <message>
        <source>restarted</source>
        <translation>再起動済み</translation>
    </message>
    <message>
        <source>restarted; before: %1</source>
        <translation>再起動済み。直前の状態: %1</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>失敗: %1</translation>
    </message>
    <message>
        <source>Restarts (%1)</source>
        <translation>再起動履歴 (%1)</translation>
    </message>
    <message>
        <source>open</source>
        <translation>未解決</translation>
    </message>
    <message>
        <source>no</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <source>Alerts (%1)</source>
        <translation>アラート (%1)</translation>
    </message>
    <message>
        <source>total $%1</source>
        <translation>合計 $%1</translation>
    </message>
    <message>
        <source>total %1 tokens</source>
        <translation>合計 %1 トークン</translation>
    </message>
    <message>
        <source>%1 per iteration (24 h)</source>
        <translation>1 イテレーションあたり %1（24 時間）</translation>
    </message>
    <message>
        <source>(not named)</source>
        <translation>（名前なし）</translation>
    </message>
    <message>
        <source>Usage by model over the last 30 days</source>
        <translation>過去 30 日間のモデル別使用量</translation>
    </message>
    <message>
        <source>Usage by model over the last 24 hours</source>
        <translation>過去 24 時間のモデル別使用量</translation>
    </message>
</context>
<context>
    <name>clev::AgentSettingsDialog</name>
    <message>
        <source>Settings of %1</source>
        <translation>%1 の設定</translation>
    </message>
    <message>
        <source>now: %1 s</source>
        <translation>現在: %1 秒</translation>
    </message>
    <message>
        <source>not known yet</source>
        <translation>まだ不明</translation>
    </message>
    <message>
        <source>in local days; alerts at 80, 95 and 100 %</source>
        <translation>現地の日付で計算。80・95・100 % でアラート</translation>
    </message>
    <message>
        <source>A daily budget must be more than $0. Untick the box for no budget.</source>
        <translation>1 日の予算は $0 より大きくしてください。予算なしにするにはチェックを外してください。</translation>
    </message>
    <message>
        <source>Do not restart</source>
        <translation>再起動しない</translation>
    </message>
    <message>
        <source>Docker container</source>
        <translation>Docker コンテナー</translation>
    </message>
    <message>
        <source>systemd unit</source>
        <translation>systemd ユニット</translation>
    </message>
    <message>
        <source>systemd user unit</source>
        <translation>systemd ユーザーユニット</translation>
    </message>
    <message>
        <source>auto (the container the agent runs in)</source>
        <translation>auto（エージェントが動くコンテナー）</translation>
    </message>
    <message>
        <source>unit name, e.g. my-agent.service</source>
        <translation>ユニット名（例: my-agent.service）</translation>
    </message>
    <message>
        <source>Enter the systemd unit to restart, such as my-agent.service.</source>
        <translation>再起動する systemd ユニットを入力してください（例: my-agent.service）。</translation>
    </message>
    <message>
        <source>A container or unit name holds only letters, digits and _ . - @ :</source>
        <translation>コンテナー名やユニット名に使えるのは英数字と _ . - @ : だけです</translation>
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
            <numerusform>%n 分前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n 時間前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days ago</source>
        <translation>
            <numerusform>%n 日前</numerusform>
        </translation>
    </message>
    <message>
        <source>new</source>
        <translation>新規</translation>
    </message>
    <message>
        <source>healthy</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>late</source>
        <translation>遅延</translation>
    </message>
    <message>
        <source>dead</source>
        <translation>応答なし</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>一時停止</translation>
    </message>
    <message numerus="yes">
        <source>%n beats today used a model without a known price: not counted</source>
        <translation>
            <numerusform>本日の %n 件のハートビートは価格不明のモデルを使用: 集計対象外</numerusform>
        </translation>
    </message>
    <message>
        <source>, looping</source>
        <translation>、ループ中</translation>
    </message>
    <message>
        <source>, over budget</source>
        <translation>、予算超過</translation>
    </message>
    <message>
        <source>never</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>エージェント</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>最終確認</translation>
    </message>
    <message>
        <source>Interval</source>
        <translation>間隔</translation>
    </message>
    <message>
        <source>Tokens today</source>
        <translation>本日のトークン</translation>
    </message>
    <message>
        <source>Cost today</source>
        <translation>本日のコスト</translation>
    </message>
    <message>
        <source>Iteration</source>
        <translation>反復</translation>
    </message>
    <message>
        <source>Last message</source>
        <translation>最新メッセージ</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>No history read yet</source>
        <translation>履歴はまだ読み込まれていません</translation>
    </message>
    <message>
        <source>Uptime: %1 in the last 24 h, %2 in the last 30 days (time dead or in error counts as down; paused, stopped and before the first beat do not count)</source>
        <translation>稼働率: 過去 24 時間 %1、過去 30 日 %2（dead またはエラーの時間はダウンとして数え、一時停止中・停止中・最初のハートビート以前は数えません）</translation>
    </message>
    <message numerus="yes">
        <source>Last %n beats: </source>
        <translation>
            <numerusform>直近 %n 回のハートビート: </numerusform>
        </translation>
    </message>
    <message>
        <source>%1 on time, %2 late, %3 missed</source>
        <translation>定刻 %1、遅延 %2、欠落 %3</translation>
    </message>
    <message numerus="yes">
        <source>, %n with an error</source>
        <translation>
            <numerusform>、エラー %n 回</numerusform>
        </translation>
    </message>
    <message>
        <source>Cost in the last 24 hours: %1 (at most %2 in one hour)</source>
        <translation>過去 24 時間のコスト: %1（1 時間あたり最大 %2）</translation>
    </message>
    <message>
        <source>Last beats</source>
        <translation>直近のハートビート</translation>
    </message>
    <message>
        <source>Uptime 24 h</source>
        <translation>稼働率 24 時間</translation>
    </message>
    <message>
        <source>Cost 24 h</source>
        <translation>コスト 24 時間</translation>
    </message>
</context>
<context>
    <name>clev::AlertsModel</name>
    <message>
        <source>resolved</source>
        <translation>解決済み</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>確認済み</translation>
    </message>
    <message>
        <source>open (silenced)</source>
        <translation>未解決（ミュート）</translation>
    </message>
    <message>
        <source>open</source>
        <translation>未解決</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>発生日時</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>エージェント</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>ステータス</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>概要</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>詳細</translation>
    </message>
    <message>
        <source>dead</source>
        <translation>応答なし</translation>
    </message>
    <message>
        <source>error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>crash</source>
        <translation>クラッシュ</translation>
    </message>
    <message>
        <source>loop</source>
        <translation>ループ</translation>
    </message>
    <message>
        <source>budget</source>
        <translation>予算</translation>
    </message>
    <message>
        <source>project budget</source>
        <translation>プロジェクト予算</translation>
    </message>
    <message>
        <source>restart failed</source>
        <translation>再起動失敗</translation>
    </message>
    <message>
        <source>flapping</source>
        <translation>不安定</translation>
    </message>
    <message>
        <source>Open for %1 so far</source>
        <translation>%1 前から未解決</translation>
    </message>
    <message>
        <source>%1 so far</source>
        <translation>現在まで %1</translation>
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
            <numerusform>%n 分</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 時間 %2 分</translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n 日</numerusform>
        </translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>解決日時</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>継続時間</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>確認日時</translation>
    </message>
</context>
<context>
    <name>clev::ApiKeysDialog</name>
    <message>
        <source>never</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>キー</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>スコープ</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>作成日時</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>最終使用</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>ステータス</translation>
    </message>
    <message>
        <source>Give the key a name, so you know later where it is used.</source>
        <translation>あとで使用場所がわかるように、キーに名前を付けてください。</translation>
    </message>
    <message>
        <source>Choose at least one scope: ingest to send heartbeats, read to read the status.</source>
        <translation>スコープを 1 つ以上選んでください。取り込みはハートビートの送信、読み取りはステータスの取得に使います。</translation>
    </message>
    <message>
        <source>The key was not created: %1</source>
        <translation>キーを作成できませんでした: %1</translation>
    </message>
    <message>
        <source>The key works, but no copy could be kept in the keychain (%1). Copy it now.</source>
        <translation>キーは使えますが、キーチェーンにコピーを保管できませんでした（%1）。今すぐコピーしてください。</translation>
    </message>
    <message>
        <source>Revoke %1?</source>
        <translation>%1 を失効させますか?</translation>
    </message>
    <message>
        <source>Agents using %1 get 401 from now on. Revoke it?</source>
        <translation>%1 を使うエージェントは今後 401 を受け取ります。失効させますか?</translation>
    </message>
    <message>
        <source>Could not %1: %2</source>
        <translation>%1 できませんでした: %2</translation>
    </message>
    <message>
        <source>revoked %1</source>
        <translation>失効 %1</translation>
    </message>
    <message>
        <source>active</source>
        <translation>有効</translation>
    </message>
</context>
<context>
    <name>clev::ChannelEditDialog</name>
    <message>
        <source>E-mail</source>
        <translation>メール</translation>
    </message>
    <message>
        <source>Webhook</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <source>STARTTLS (port 587)</source>
        <translation>STARTTLS（ポート 587）</translation>
    </message>
    <message>
        <source>TLS (port 465)</source>
        <translation>TLS（ポート 465）</translation>
    </message>
    <message>
        <source>None (local relays only)</source>
        <translation>なし（ローカルの中継サーバーのみ）</translation>
    </message>
    <message>
        <source>Sending a test notification…</source>
        <translation>テスト通知を送信しています…</translation>
    </message>
    <message>
        <source>Sent: the test notification reached &apos;%1&apos;.</source>
        <translation>送信しました: テスト通知が「%1」に届きました。</translation>
    </message>
    <message>
        <source>The test failed: %1</source>
        <translation>テストに失敗しました: %1</translation>
    </message>
    <message>
        <source>New alert channel</source>
        <translation>新しいアラートチャネル</translation>
    </message>
    <message>
        <source>Alert channel %1</source>
        <translation>アラートチャネル %1</translation>
    </message>
    <message>
        <source>Events API URL</source>
        <translation>Events API の URL</translation>
    </message>
    <message>
        <source>Routing key</source>
        <translation>ルーティングキー</translation>
    </message>
    <message>
        <source>Webhook URL</source>
        <translation>Webhook URL</translation>
    </message>
    <message>
        <source>Signing secret (optional)</source>
        <translation>署名シークレット（任意）</translation>
    </message>
    <message>
        <source>Give the channel a name.</source>
        <translation>チャネルに名前を付けてください。</translation>
    </message>
    <message>
        <source>A channel name has at most 64 characters and no &apos;/&apos;.</source>
        <translation>チャネル名は 64 文字以内で、「/」を含めないでください。</translation>
    </message>
    <message>
        <source>There is already a channel named &apos;%1&apos;.</source>
        <translation>「%1」という名前のチャネルはすでにあります。</translation>
    </message>
    <message>
        <source>Choose at least one kind of alert for this channel.</source>
        <translation>このチャネルで受け取るアラートを 1 種類以上選んでください。</translation>
    </message>
    <message>
        <source>Enter the SMTP server&apos;s host name, such as mail.example.com.</source>
        <translation>SMTP サーバーのホスト名を入力してください（例: mail.example.com）。</translation>
    </message>
    <message>
        <source>The sender must be an e-mail address.</source>
        <translation>差出人はメールアドレスにしてください。</translation>
    </message>
    <message>
        <source>Enter at least one recipient.</source>
        <translation>宛先を 1 つ以上入力してください。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an e-mail address.</source>
        <translation>「%1」はメールアドレスではありません。</translation>
    </message>
    <message>
        <source>Enter the password for %1, or clear the user for a server without sign-in.</source>
        <translation>%1 のパスワードを入力してください。認証のないサーバーならユーザーを空にしてください。</translation>
    </message>
    <message>
        <source>Enter the URL to send alerts to.</source>
        <translation>アラートの送信先 URL を入力してください。</translation>
    </message>
    <message>
        <source>The URL must start with https:// (or http:// for a receiver on your own network).</source>
        <translation>URL は https:// で始めてください（自分のネットワーク内の受信先なら http:// も可）。</translation>
    </message>
    <message>
        <source>Enter the PagerDuty routing key (Integration Key of an Events API v2 integration).</source>
        <translation>PagerDuty のルーティングキー（Events API v2 連携の Integration Key）を入力してください。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>保存しています…</translation>
    </message>
</context>
<context>
    <name>clev::ChannelStore</name>
    <message>
        <source>The secrets of channel &apos;%1&apos; are not in the keychain: edit the channel to enter them again.</source>
        <translation>チャネル「%1」のシークレットがキーチェーンにありません。チャネルを編集して入力し直してください。</translation>
    </message>
    <message>
        <source>Alert channels are off: %1</source>
        <translation>アラートチャネルは無効です: %1</translation>
    </message>
    <message>
        <source>Nothing was saved: %1</source>
        <translation>何も保存されませんでした: %1</translation>
    </message>
    <message>
        <source>The channel was not removed: %1</source>
        <translation>チャネルは削除されませんでした: %1</translation>
    </message>
</context>
<context>
    <name>clev::ChannelsDialog</name>
    <message>
        <source>Remove %1?</source>
        <translation>%1 を削除しますか?</translation>
    </message>
    <message>
        <source>Remove the channel &apos;%1&apos; and its secrets from the keychain?</source>
        <translation>チャネル「%1」とそのシークレットをキーチェーンから削除しますか?</translation>
    </message>
    <message>
        <source>all alerts</source>
        <translation>すべてのアラート</translation>
    </message>
    <message>
        <source>No channels yet: alerts show in this window and the tray only.</source>
        <translation>チャネルはまだありません。アラートはこのウィンドウとトレイにだけ表示されます。</translation>
    </message>
    <message>
        <source>Saved. Secrets are in the keychain.</source>
        <translation>保存しました。シークレットはキーチェーンにあります。</translation>
    </message>
    <message>
        <source>Sending a test notification to &apos;%1&apos;…</source>
        <translation>「%1」にテスト通知を送信しています…</translation>
    </message>
    <message>
        <source>Sent: the test notification reached &apos;%1&apos;.</source>
        <translation>送信しました: テスト通知が「%1」に届きました。</translation>
    </message>
    <message>
        <source>The test failed: %1</source>
        <translation>テストに失敗しました: %1</translation>
    </message>
</context>
<context>
    <name>clev::CombinedSource</name>
    <message>
        <source>all sources</source>
        <translation>すべてのソース</translation>
    </message>
</context>
<context>
    <name>clev::ConnectAgentDialog</name>
    <message>
        <source>There is no ingest key yet: create one in API keys.</source>
        <translation>取り込みキーがまだありません。「API キー」で作成してください。</translation>
    </message>
    <message>
        <source>The key comes from the system keychain.</source>
        <translation>キーはシステムのキーチェーンから取得しました。</translation>
    </message>
    <message>
        <source>Only a hash of this key is stored here, so it cannot be shown: the snippets use $CLEVAGENT_API_KEY. Create a new key in API keys to copy one.</source>
        <translation>このキーはハッシュしか保存されていないため表示できません。コード例では $CLEVAGENT_API_KEY を使います。コピーするには「API キー」で新しいキーを作成してください。</translation>
    </message>
</context>
<context>
    <name>clev::CostsView</name>
    <message>
        <source>Export CSV…</source>
        <translation>CSV をエクスポート…</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>エージェント</translation>
    </message>
    <message>
        <source>Spent today</source>
        <translation>本日の支出</translation>
    </message>
    <message>
        <source>Daily budget</source>
        <translation>1 日の予算</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>使用率</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>予測</translation>
    </message>
    <message>
        <source>others</source>
        <translation>その他</translation>
    </message>
    <message numerus="yes">
        <source>Cost per day, last %n day(s)</source>
        <translation>
            <numerusform>1 日あたりのコスト（過去 %n 日間）</numerusform>
        </translation>
    </message>
    <message>
        <source>No priced usage in this period yet.</source>
        <translation>この期間に料金のかかった使用はまだありません。</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;$%1&lt;/b&gt; in %n day(s). Top: %2</source>
        <translation>
            <numerusform>%n 日間で &lt;b&gt;$%1&lt;/b&gt;。上位: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;Today against budget&lt;/b&gt; — no agent has a daily budget yet (set one in the agent&apos;s settings).</source>
        <translation>&lt;b&gt;本日の予算消化&lt;/b&gt; — 1 日の予算を持つエージェントはまだありません（エージェントの設定で指定できます）。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Today against budget&lt;/b&gt;</source>
        <translation>&lt;b&gt;本日の予算消化&lt;/b&gt;</translation>
    </message>
    <message>
        <source>over budget</source>
        <translation>予算超過</translation>
    </message>
    <message>
        <source>reaches the budget at %1 at the last hour&apos;s rate</source>
        <translation>直近 1 時間のペースだと %1 に予算に達します</translation>
    </message>
    <message>
        <source>stays within budget today</source>
        <translation>本日は予算内に収まります</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 に書き込めません: %2</translation>
    </message>
</context>
<context>
    <name>clev::CredentialStore</name>
    <message>
        <source>Nothing is stored under this name in the keychain.</source>
        <translation>この名前ではキーチェーンに何も保存されていません。</translation>
    </message>
    <message>
        <source>The keychain refused access (it is locked, or access was denied). Unlock it and try again.</source>
        <translation>キーチェーンがアクセスを拒否しました（ロックされているか、アクセスが拒否されました）。ロックを解除してもう一度お試しください。</translation>
    </message>
    <message>
        <source>No keychain is available: start a Secret Service such as GNOME Keyring or KWallet, then try again.</source>
        <translation>利用できるキーチェーンがありません。GNOME Keyring や KWallet などの Secret Service を起動してから、もう一度お試しください。</translation>
    </message>
    <message>
        <source>The keychain could not delete the entry: %1</source>
        <translation>キーチェーンの項目を削除できませんでした: %1</translation>
    </message>
    <message>
        <source>The keychain is not usable: %1. Secrets are not stored anywhere else.</source>
        <translation>キーチェーンを使用できません: %1。シークレットはほかの場所には保存されません。</translation>
    </message>
    <message>
        <source>The keychain did not answer within %1 s: it may be locked behind an unlock prompt. Unlock it (for example in GNOME Keyring&apos;s &quot;Passwords and Keys&quot;) and try again.</source>
        <translation>キーチェーンが %1 秒以内に応答しませんでした。ロック解除の確認画面の裏で止まっている可能性があります。（GNOME の「パスワードと鍵」などで）ロックを解除してから、もう一度お試しください。</translation>
    </message>
</context>
<context>
    <name>clev::DeliveriesModel</name>
    <message>
        <source>sent</source>
        <translation>送信済み</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>保留中</translation>
    </message>
    <message>
        <source>next attempt %1</source>
        <translation>次の試行 %1</translation>
    </message>
    <message>
        <source>%1; next attempt %2</source>
        <translation>%1; 次の試行 %2</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>チャネル</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>キュー投入</translation>
    </message>
    <message>
        <source>Sent or given up</source>
        <translation>送信または断念</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>試行回数</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>エラー</translation>
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
        <translation>エージェントを接続(&amp;C)…</translation>
    </message>
    <message>
        <source>API &amp;keys…</source>
        <translation>API キー(&amp;K)…</translation>
    </message>
    <message>
        <source>Alert c&amp;hannels…</source>
        <translation>アラートチャネル(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>設定(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>ログイン時に起動</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>The new language is used from the next start of ClevAgent.</source>
        <translation>新しい言語は ClevAgent の次回起動時から使われます。</translation>
    </message>
    <message>
        <source>Add a &amp;remote instance…</source>
        <translation>リモートインスタンスを追加(&amp;R)…</translation>
    </message>
    <message>
        <source>Remove a remote instance…</source>
        <translation>リモートインスタンスを削除…</translation>
    </message>
    <message>
        <source>Cannot watch %1: its key cannot be read from the keychain (%2)</source>
        <translation>%1 を監視できません: キーチェーンからキーを読み取れません（%2）</translation>
    </message>
    <message>
        <source>not there</source>
        <translation>見つかりません</translation>
    </message>
    <message>
        <source>Nothing was added: %1</source>
        <translation>何も追加されませんでした: %1</translation>
    </message>
    <message>
        <source>Add a remote instance</source>
        <translation>リモートインスタンスを追加</translation>
    </message>
    <message>
        <source>Remove a remote instance</source>
        <translation>リモートインスタンスを削除</translation>
    </message>
    <message>
        <source>There is no remote instance.</source>
        <translation>リモートインスタンスはありません。</translation>
    </message>
    <message>
        <source>Stop watching:</source>
        <translation>監視をやめる:</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Documentation</source>
        <translation>ドキュメント(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;About ClevAgent</source>
        <translation>ClevAgent について(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Qt について(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>キーボードショートカット(&amp;K)</translation>
    </message>
</context>
<context>
    <name>clev::DesktopNotifier</name>
    <message>
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <source>Mute 1 h</source>
        <translation>1 時間ミュート</translation>
    </message>
</context>
<context>
    <name>clev::LocalMonitor</name>
    <message>
        <source>Listening on %1</source>
        <translation>%1 で受信中</translation>
    </message>
    <message>
        <source>reach the engine</source>
        <translation>エンジンへの接続</translation>
    </message>
    <message>
        <source>the local engine is not running</source>
        <translation>ローカルエンジンが動いていません</translation>
    </message>
    <message>
        <source>acknowledge</source>
        <translation>確認</translation>
    </message>
    <message>
        <source>paused from the desktop app</source>
        <translation>デスクトップアプリから一時停止</translation>
    </message>
    <message>
        <source>pause %1</source>
        <translation>%1 の一時停止</translation>
    </message>
    <message>
        <source>unknown agent</source>
        <translation>不明なエージェント</translation>
    </message>
    <message>
        <source>resume</source>
        <translation>再開</translation>
    </message>
    <message>
        <source>the agent is not paused</source>
        <translation>エージェントは一時停止していません</translation>
    </message>
    <message>
        <source>forget %1</source>
        <translation>%1 の削除</translation>
    </message>
    <message>
        <source>save the settings of %1</source>
        <translation>%1 の設定の保存</translation>
    </message>
    <message>
        <source>silence %1</source>
        <translation>%1 のミュート</translation>
    </message>
    <message>
        <source>list the API keys</source>
        <translation>API キーの一覧取得</translation>
    </message>
    <message>
        <source>no active key %1</source>
        <translation>有効なキー %1 はありません</translation>
    </message>
    <message>
        <source>revoke %1</source>
        <translation>%1 の失効</translation>
    </message>
    <message>
        <source>restart %1</source>
        <translation>%1 の再起動</translation>
    </message>
    <message>
        <source>no such alert</source>
        <translation>該当するアラートはありません</translation>
    </message>
</context>
<context>
    <name>clev::MainWindow</name>
    <message>
        <source>All states</source>
        <translation>すべての状態</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>すべての種類</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>全期間</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>過去 24 時間</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>過去 7 日間</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>過去 30 日間</translation>
    </message>
    <message>
        <source>Export alerts</source>
        <translation>アラートのエクスポート</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV ファイル (*.csv)</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>完了: %1</translation>
    </message>
    <message>
        <source>Could not %1: %2</source>
        <translation>%1 できませんでした: %2</translation>
    </message>
    <message>
        <source>Costs</source>
        <translation>コスト</translation>
    </message>
    <message>
        <source>Export costs</source>
        <translation>コストのエクスポート</translation>
    </message>
    <message>
        <source>Forget %1?</source>
        <translation>%1 を削除しますか?</translation>
    </message>
    <message>
        <source>Delete %1 with its heartbeats, usage, timeline, alerts and settings? If it beats again it comes back as a new agent.</source>
        <translation>%1 をハートビート、使用量、タイムライン、アラート、設定ごと削除しますか? 再びハートビートを送ると、新しいエージェントとして表示されます。</translation>
    </message>
    <message>
        <source>Select an alert, or type an agent name or pattern (such as batch-*) in the agent filter.</source>
        <translation>アラートを選ぶか、エージェントの絞り込み欄に名前またはパターン（例: batch-*）を入力してください。</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 時間</translation>
    </message>
    <message>
        <source>4 hours</source>
        <translation>4 時間</translation>
    </message>
    <message>
        <source>8 hours</source>
        <translation>8 時間</translation>
    </message>
    <message>
        <source>24 hours</source>
        <translation>24 時間</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 日間</translation>
    </message>
    <message>
        <source>Silence %1</source>
        <translation>%1 をミュート</translation>
    </message>
    <message>
        <source>Mute notifications for %1 (alerts are still recorded) for:</source>
        <translation>%1 の通知をミュートする期間（アラートは記録され続けます）:</translation>
    </message>
    <message>
        <source>silenced from the desktop app</source>
        <translation>デスクトップアプリからミュート</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 に書き込めません: %2</translation>
    </message>
    <message>
        <source>(create one with: clevagent-server keys create --scope ingest)</source>
        <translation>（作成: clevagent-server keys create --scope ingest）</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>, looping</source>
        <translation>、ループ中</translation>
    </message>
    <message>
        <source>&lt;b&gt;Heartbeats are not received.&lt;/b&gt; %1&lt;br&gt;Choose another port:</source>
        <translation>&lt;b&gt;ハートビートを受信できません。&lt;/b&gt; %1&lt;br&gt;別のポートを選んでください:</translation>
    </message>
    <message>
        <source>Not listening</source>
        <translation>受信していません</translation>
    </message>
    <message numerus="yes">
        <source>%n agent(s)</source>
        <translation>
            <numerusform>エージェント %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n dead</source>
        <translation>
            <numerusform>、応答なし %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n late</source>
        <translation>
            <numerusform>、遅延 %n</numerusform>
        </translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>このコンピューター</translation>
    </message>
    <message>
        <source>%1 (disconnected)</source>
        <translation>%1（切断）</translation>
    </message>
    <message>
        <source>Watching %1</source>
        <translation>%1 を監視中</translation>
    </message>
    <message>
        <source>Select an alert to read its whole detail.</source>
        <translation>アラートを選択すると詳細全体を表示します。</translation>
    </message>
    <message numerus="yes">
        <source>, %n with errors</source>
        <translation>
            <numerusform>、エラー %n</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: disconnected</source>
        <translation>%1: 切断</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n dead)</source>
        <translation>
            <numerusform>%1（応答なし %n）</numerusform>
        </translation>
    </message>
    <message>
        <source>The key for %1 is read-only: acknowledging, silencing, pausing and settings need an admin key (clevagent-server keys create --scope admin).</source>
        <translation>%1 のキーは読み取り専用です。確認・ミュート・一時停止・設定には管理者キーが必要です（clevagent-server keys create --scope admin）。</translation>
    </message>
    <message>
        <source>Select an agent to see its timeline, incidents and costs</source>
        <translation>エージェントを選択すると、タイムライン・インシデント・コストが表示されます</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>ソース</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>ポート</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>エンドポイント</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API キー</translation>
    </message>
    <message>
        <source>Snippet</source>
        <translation>コード例</translation>
    </message>
    <message>
        <source>Filter agents by name or message</source>
        <translation>名前またはメッセージでエージェントを絞り込み</translation>
    </message>
    <message>
        <source>Filter agents by state</source>
        <translation>状態でエージェントを絞り込み</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>エージェント</translation>
    </message>
    <message>
        <source>Filter alerts by agent</source>
        <translation>エージェントでアラートを絞り込み</translation>
    </message>
    <message>
        <source>Filter alerts by kind</source>
        <translation>種類でアラートを絞り込み</translation>
    </message>
    <message>
        <source>Filter alerts by period</source>
        <translation>期間でアラートを絞り込み</translation>
    </message>
    <message>
        <source>Alert history</source>
        <translation>アラート履歴</translation>
    </message>
    <message>
        <source>Alert detail</source>
        <translation>アラートの詳細</translation>
    </message>
    <message>
        <source>Today against budget</source>
        <translation>今日の支出と予算</translation>
    </message>
    <message>
        <source>Find an agent</source>
        <translation>エージェントを検索</translation>
    </message>
    <message>
        <source>Show the agents</source>
        <translation>エージェントを表示</translation>
    </message>
    <message>
        <source>Show the alerts</source>
        <translation>アラートを表示</translation>
    </message>
    <message>
        <source>Show the costs</source>
        <translation>コストを表示</translation>
    </message>
    <message>
        <source>Costs chart</source>
        <translation>コストのグラフ</translation>
    </message>
    <message>
        <source>The alert&apos;s notifications</source>
        <translation>アラートの通知</translation>
    </message>
    <message>
        <source>Reading how its notifications went…</source>
        <translation>通知の結果を読み込み中…</translation>
    </message>
    <message>
        <source>Select an alert to see how its notifications went.</source>
        <translation>アラートを選択すると通知の結果が表示されます。</translation>
    </message>
    <message>
        <source>Cannot read its notifications: %1</source>
        <translation>通知を読み込めません: %1</translation>
    </message>
    <message>
        <source>No channel was notified: none takes this kind of alert, or it was silenced or recorded only.</source>
        <translation>どのチャネルにも通知されていません: この種類のアラートを受け取るチャネルがないか、サイレンス中か、記録のみでした。</translation>
    </message>
    <message numerus="yes">
        <source>Notifications: %n channel(s)</source>
        <translation>
            <numerusform>通知: %n チャネル</numerusform>
        </translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>すべてのソース</translation>
    </message>
    <message>
        <source>Showing the agents of every source</source>
        <translation>すべてのソースのエージェントを表示中</translation>
    </message>
</context>
<context>
    <name>clev::RemoteDialog</name>
    <message>
        <source>Give the instance a name (without &apos;/&apos;).</source>
        <translation>インスタンスに名前を付けてください（「/」は使えません）。</translation>
    </message>
    <message>
        <source>There is already an instance named &apos;%1&apos;.</source>
        <translation>「%1」という名前のインスタンスはすでにあります。</translation>
    </message>
    <message>
        <source>The address must look like https://host:9475.</source>
        <translation>アドレスは https://host:9475 の形にしてください。</translation>
    </message>
    <message>
        <source>Enter the read key (it starts with cv_).</source>
        <translation>読み取りキーを入力してください（cv_ で始まります）。</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>テストしています…</translation>
    </message>
    <message>
        <source>Trust this certificate (SHA-256 %1…)</source>
        <translation>この証明書を信頼する（SHA-256 %1…）</translation>
    </message>
</context>
<context>
    <name>clev::RemoteMonitor</name>
    <message>
        <source>the name %1 cannot be resolved (DNS)</source>
        <translation>名前 %1 を解決できません（DNS）</translation>
    </message>
    <message>
        <source>nothing listens on %1:%2 (TCP connection refused); is clevagent-server running there?</source>
        <translation>%1:%2 で待ち受けているものがありません（TCP 接続拒否）。そこで clevagent-server は動いていますか?</translation>
    </message>
    <message>
        <source>no answer from %1 in time</source>
        <translation>%1 から時間内に応答がありません</translation>
    </message>
    <message>
        <source>the TLS handshake failed: %1</source>
        <translation>TLS ハンドシェイクに失敗しました: %1</translation>
    </message>
    <message>
        <source>%1 closed the connection (is it HTTPS where HTTP is expected, or the other way round?)</source>
        <translation>%1 が接続を閉じました（HTTP と HTTPS を取り違えていませんか?）</translation>
    </message>
    <message>
        <source>REFUSED: the server&apos;s certificate changed. Pinned %1, now %2. Someone may be in between; if the server got a new certificate, remove and add the connection again.</source>
        <translation>拒否: サーバーの証明書が変わりました。固定値 %1、現在 %2。途中に誰かがいる可能性があります。サーバーが新しい証明書を得たのなら、接続を削除して追加し直してください。</translation>
    </message>
    <message>
        <source>the server&apos;s certificate is not trusted (SHA-256 %1); test the connection to pin it</source>
        <translation>サーバーの証明書は信頼されていません（SHA-256 %1）。接続をテストして固定してください</translation>
    </message>
    <message>
        <source>the key was refused (401): %1</source>
        <translation>キーが拒否されました（401）: %1</translation>
    </message>
    <message>
        <source>the key may not do this (403): %1</source>
        <translation>このキーには権限がありません（403）: %1</translation>
    </message>
    <message>
        <source>the server answered %1: %2</source>
        <translation>サーバーの応答 %1: %2</translation>
    </message>
    <message>
        <source>%1: disconnected since %2 (%3); retrying in %4 s</source>
        <translation>%1: %2 から切断中（%3）。%4 秒後に再試行</translation>
    </message>
    <message>
        <source>the key lacks the read scope (403)</source>
        <translation>キーに読み取りスコープがありません（403）</translation>
    </message>
    <message>
        <source>the server answered %1</source>
        <translation>サーバーの応答 %1</translation>
    </message>
    <message>
        <source>the server ended the event stream</source>
        <translation>サーバーがイベントストリームを終了しました</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>%1 に接続しました</translation>
    </message>
    <message>
        <source>read the agents of %1</source>
        <translation>%1 のエージェントの読み取り</translation>
    </message>
    <message>
        <source>found %1 after reconnecting</source>
        <translation>再接続後に %1 と判明</translation>
    </message>
    <message>
        <source>read the alerts</source>
        <translation>アラートの読み取り</translation>
    </message>
    <message>
        <source>acknowledge</source>
        <translation>確認</translation>
    </message>
    <message>
        <source>paused from ClevAgent Desktop</source>
        <translation>ClevAgent Desktop から一時停止</translation>
    </message>
    <message>
        <source>pause %1</source>
        <translation>%1 の一時停止</translation>
    </message>
    <message>
        <source>resume</source>
        <translation>再開</translation>
    </message>
    <message>
        <source>read the costs</source>
        <translation>コストの読み取り</translation>
    </message>
    <message>
        <source>forget %1</source>
        <translation>%1 の削除</translation>
    </message>
    <message>
        <source>save the settings of %1</source>
        <translation>%1 の設定の保存</translation>
    </message>
    <message>
        <source>silence %1</source>
        <translation>%1 のミュート</translation>
    </message>
    <message>
        <source>The address must look like https://host:9475 or http://host:9475.</source>
        <translation>アドレスは https://host:9475 または http://host:9475 の形にしてください。</translation>
    </message>
    <message>
        <source>The name %1 cannot be resolved (DNS): %2</source>
        <translation>名前 %1 を解決できません（DNS）: %2</translation>
    </message>
    <message>
        <source>REFUSED: the certificate changed. Pinned %1, the server shows %2.</source>
        <translation>拒否: 証明書が変わりました。固定値 %1、サーバーの提示 %2。</translation>
    </message>
    <message>
        <source>TLS works, but the certificate is not signed by an authority this computer trusts. Its SHA-256 fingerprint is %1. Compare it with the one clevagent-server printed, then trust it.</source>
        <translation>TLS は機能していますが、証明書はこのコンピューターが信頼する認証局の署名ではありません。SHA-256 フィンガープリントは %1 です。clevagent-server が表示した値と比べてから信頼してください。</translation>
    </message>
    <message>
        <source>%1 answers, but not as clevagent-server (HTTP %2 on /healthz).</source>
        <translation>%1 は応答しますが、clevagent-server ではありません（/healthz で HTTP %2）。</translation>
    </message>
    <message numerus="yes">
        <source>Connected: clevagent-server %1, %n agent(s).</source>
        <translation>
            <numerusform>接続しました: clevagent-server %1、エージェント %n 件。</numerusform>
        </translation>
    </message>
    <message>
        <source>The server (version %1) refuses this key (401): check it, or create a read key there with &apos;clevagent-server keys create --scope read&apos;.</source>
        <translation>サーバー（バージョン %1）はこのキーを拒否しました（401）。キーを確認するか、サーバーで「clevagent-server keys create --scope read」を実行して読み取りキーを作成してください。</translation>
    </message>
    <message>
        <source>This key may not read (403): it needs the read scope; an ingest key only sends heartbeats.</source>
        <translation>このキーでは読み取れません（403）。読み取りスコープが必要です。取り込みキーはハートビートを送るだけです。</translation>
    </message>
    <message>
        <source>The server answered HTTP %1 on /api/v1/status.</source>
        <translation>サーバーは /api/v1/status に HTTP %1 を返しました。</translation>
    </message>
    <message>
        <source>the server sent more than %1 MiB in one answer or event; it was not read</source>
        <translation>サーバーが 1 つの応答またはイベントで %1 MiB を超えるデータを送信したため、読み込みませんでした</translation>
    </message>
    <message>
        <source>%1:%2 answers, but without TLS: that clevagent-server runs plain HTTP. Use http://%1:%2 (or start the server with --tls-cert and --tls-key).</source>
        <translation>%1:%2 は応答しますが TLS を使っていません。この clevagent-server は平文の HTTP です。http://%1:%2 を使ってください（またはサーバーを --tls-cert と --tls-key で起動してください）。</translation>
    </message>
    <message>
        <source>restart %1</source>
        <translation>%1 の再起動</translation>
    </message>
</context>
<context>
    <name>clev::SettingsDialog</name>
    <message>
        <source>System language</source>
        <translation>システムの言語</translation>
    </message>
    <message>
        <source>127.0.0.1 — this computer only</source>
        <translation>127.0.0.1 — このコンピューターのみ</translation>
    </message>
    <message>
        <source>0.0.0.0 — every network of this computer</source>
        <translation>0.0.0.0 — このコンピューターのすべてのネットワーク</translation>
    </message>
    <message>
        <source>::1 — this computer only (IPv6)</source>
        <translation>::1 — このコンピューターのみ（IPv6）</translation>
    </message>
    <message>
        <source>System time zone (%1)</source>
        <translation>システムのタイムゾーン（%1）</translation>
    </message>
    <message>
        <source>Listen beyond this computer?</source>
        <translation>このコンピューターの外からも受信しますか?</translation>
    </message>
    <message>
        <source>On %1, agents on other machines can reach ClevAgent. Anyone with a valid key can then send heartbeats, and the port is open to your network: make sure a firewall or a VPN limits who can reach it. Listen on %1?</source>
        <translation>%1 では、ほかのマシンのエージェントから ClevAgent に接続できます。有効なキーを持つ人なら誰でもハートビートを送れ、ポートはネットワークに公開されます。ファイアウォールや VPN で接続元を制限してください。%1 で受信しますか?</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an IP address. Use 127.0.0.1 for this computer only, or the address of one of its networks.</source>
        <translation>「%1」は IP アドレスではありません。このコンピューターだけなら 127.0.0.1、またはいずれかのネットワークのアドレスを使ってください。</translation>
    </message>
    <message>
        <source>Ports below 1024 need administrator rights; choose 1024 or above (the default is 9475).</source>
        <translation>1024 未満のポートには管理者権限が必要です。1024 以上を選んでください（既定は 9475）。</translation>
    </message>
    <message>
        <source>System (follow the desktop)</source>
        <translation>システム（デスクトップに合わせる）</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>ライト</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>ダーク</translation>
    </message>
</context>
<context>
    <name>clev::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>キー</translation>
    </message>
</context>
<context>
    <name>clev::StatusStrip</name>
    <message>
        <source>Show only %1 agents; click again to show all</source>
        <translation>状態が「%1」のエージェントだけを表示します。もう一度クリックするとすべて表示します</translation>
    </message>
    <message>
        <source>Show the open incidents in the Alerts tab</source>
        <translation>未解決のインシデントを「アラート」タブに表示</translation>
    </message>
    <message>
        <source>Today %1 of %2 in daily budgets</source>
        <translation>今日 %1 / 1 日の予算の合計 %2</translation>
    </message>
    <message>
        <source>Today %1 (no daily budgets)</source>
        <translation>今日 %1（1 日の予算なし）</translation>
    </message>
    <message numerus="yes">
        <source>%n open incident(s)</source>
        <translation>
            <numerusform>未解決のインシデント %n 件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>clev::StatusWindow</name>
    <message>
        <source>ClevAgent status</source>
        <translation>ClevAgent の状態</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <source>Mute 1 h</source>
        <translation>1 時間ミュート</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>No agents yet</source>
        <translation>エージェントはまだありません</translation>
    </message>
</context>
<context>
    <name>clev::TimelineBar</name>
    <message>
        <source>States over the last 24 hours</source>
        <translation>過去 24 時間の状態</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 時間 %2 分</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 日 %2 時間</translation>
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
        <translation>ClevAgent を開く</translation>
    </message>
    <message>
        <source>Pause notifications for 1 hour</source>
        <translation>通知を 1 時間停止</translation>
    </message>
    <message>
        <source>Mute an agent for 1 hour</source>
        <translation>エージェントを 1 時間ミュート</translation>
    </message>
    <message>
        <source>Sound on notifications</source>
        <translation>通知時に音を鳴らす</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>ClevAgent</source>
        <translation>ClevAgent</translation>
    </message>
    <message>
        <source>No system tray</source>
        <translation>システムトレイがありません</translation>
    </message>
    <message>
        <source>This desktop has no system tray. ClevAgent shows a small status window that stays on top instead: it tells you when an agent dies, and closing the main window keeps monitoring there.</source>
        <translation>このデスクトップにはシステムトレイがありません。代わりに ClevAgent は常に手前に表示される小さな状態ウィンドウを出します。エージェントが応答しなくなると知らせ、メインウィンドウを閉じてもそこで監視を続けます。</translation>
    </message>
    <message>
        <source>(no agent in trouble)</source>
        <translation>（問題のあるエージェントはありません）</translation>
    </message>
    <message>
        <source>ClevAgent — %1</source>
        <translation>ClevAgent — %1</translation>
    </message>
    <message>
        <source>%1 is dead</source>
        <translation>%1 が応答しません</translation>
    </message>
    <message>
        <source>%1 crashed</source>
        <translation>%1 がクラッシュしました</translation>
    </message>
    <message>
        <source>%1 is looping</source>
        <translation>%1 がループしています</translation>
    </message>
    <message>
        <source>%1 used %2 % of its budget</source>
        <translation>%1 が予算の %2 % を使いました</translation>
    </message>
    <message>
        <source>Project %1 used %2 % of its budget</source>
        <translation>プロジェクト %1 が予算の %2 % を使いました</translation>
    </message>
    <message>
        <source>%1 is flapping</source>
        <translation>%1 が停止と復帰を繰り返しています</translation>
    </message>
    <message numerus="yes">
        <source>It died %n times within %1 and came back each time; it is dead now. Its deaths and recoveries are not notified one by one until it stays up.</source>
        <translation>
            <numerusform>%1 以内に %n 回停止し、そのたびに復帰しました。現在は応答なしです。安定するまで停止と復帰は個別に通知されません。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is back</source>
        <translation>%1 が復帰しました</translation>
    </message>
    <message>
        <source>Agents in trouble</source>
        <translation>問題のあるエージェント</translation>
    </message>
    <message>
        <source>, looping</source>
        <translation>、ループ中</translation>
    </message>
    <message>
        <source>, over budget</source>
        <translation>、予算超過</translation>
    </message>
    <message>
        <source>%1 — %2, seen %3</source>
        <translation>%1 — %2、最終確認 %3</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>More in the window…</source>
        <translation>ウィンドウでさらに表示…</translation>
    </message>
    <message>
        <source>All agents are fine</source>
        <translation>すべてのエージェントは正常です</translation>
    </message>
</context>
<context>
    <name>clev::UsageChart</name>
    <message>
        <source>%1 tokens</source>
        <translation>%1 トークン</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>コスト</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>入力</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>出力</translation>
    </message>
    <message>
        <source>Cache read</source>
        <translation>キャッシュ読み取り</translation>
    </message>
    <message>
        <source>Cache write</source>
        <translation>キャッシュ書き込み</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>その他</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>トークン</translation>
    </message>
</context>
</TS>
