"""Messages of the case folder, the evidence store and the general CLI (see kameng_cli/i18n.py)."""

MESSAGES: dict[str, dict[str, str]] = {
    # labels
    "label.error": {"zh": "错误：", "en": "Error:"},
    "label.warning": {"zh": "注意：", "en": "Warning:"},
    "list.sep": {"zh": "、", "en": ", "},  # i18n.join
    "list.sep.clauses": {"zh": "；", "en": "; "},
    # command-line mistakes (cli/usage.py)
    "usage.no_such_option": {"zh": "没有 {option} 这个选项。", "en": "there is no option {option}."},
    "usage.did_you_mean": {"zh": "你是不是想用：{suggestions}？", "en": " Did you mean {suggestions}?"},
    "usage.missing": {"zh": "缺少 {name}。", "en": "{name} is missing."},
    "usage.not_a_number": {"zh": "{name} 要一个数字，收到的是 “{value}”。", "en": "{name} needs a number, got '{value}'."},
    "usage.bad_value": {"zh": "{name} 的值不对：{detail}", "en": "bad value for {name}: {detail}"},
    "usage.requires_value": {"zh": "选项 {option} 后面要跟一个值。", "en": "option {option} needs a value after it."},
    "usage.takes_no_value": {"zh": "选项 {option} 不接受值（去掉 = 后面的部分）。",
                             "en": "option {option} takes no value (drop the part after =)."},
    "usage.no_such_command": {"zh": "没有 “{name}” 这个命令。", "en": "there is no command '{name}'."},
    "usage.extra_arguments": {"zh": "多余的参数：{arguments}。含空格的路径或文字请用引号括起来。",
                              "en": "unexpected extra arguments: {arguments}. Quote paths or text that contain spaces."},
    "usage.usage": {"zh": "用法：{usage}", "en": "Usage: {usage}"},
    "usage.try_help": {"zh": "查看说明：{command}", "en": "For help: {command}"},
    "error.internal": {
        "zh": "kameng 内部错误（{error}）。这是程序的问题，不是你的操作问题；请加 --debug 重新运行并把输出报告给开发者。",
        "en": "internal error in kameng ({error}). This is a bug, not your mistake; rerun with --debug and report the output.",
    },
    "error.interrupted": {
        "zh": "已中断。案件文件夹保持一致：已完成的部分已保存，未完成的没有写入；重新运行同一命令即可继续。",
        "en": "Interrupted. The case folder is consistent: what was finished is saved, nothing half-done was written; "
              "run the same command again to continue.",
    },
    "error.input_ended": {
        "zh": "输入在回答问题时结束了，什么也没有改变。请在终端里重新运行，或者用命令行参数给出答案（见 -h）。",
        "en": "the input ended while a question was being answered; nothing was changed. Run it again on a terminal, "
              "or give the answers as options (see -h).",
    },
    "error.os.permission": {"zh": "没有权限", "en": "permission denied"},
    "error.os.read-only": {"zh": "只读的文件系统", "en": "read-only file system"},
    "error.os.disk-full": {"zh": "磁盘空间不足", "en": "no space left on the disk"},
    "error.os.name-too-long": {"zh": "文件名或路径太长", "en": "file name or path too long"},
    "error.os.not-found": {"zh": "文件或文件夹不存在", "en": "no such file or folder"},
    "error.os.is-a-folder": {"zh": "这是一个文件夹，不是文件", "en": "it is a folder, not a file"},
    "error.os.not-a-folder": {"zh": "路径中有一段不是文件夹", "en": "part of the path is not a folder"},
    "error.cannot_write": {
        "zh": "无法读写 {path}：{detail}。请确认案件文件夹可读写（不是只读挂载或只读权限）、磁盘还有空间、路径不过长，然后重新运行。",
        "en": "cannot read or write {path}: {detail}. Make sure the case folder is readable and writable (not a read-only "
              "mount or read-only permissions), the disk has space and the path is not too long, then run the command again.",
    },
    # case discovery and case.toml
    "case.not_found": {
        "zh": "在 {path} 及其上级文件夹中找不到案件（case.toml）。先运行 kameng init 新建案件，或用 -C 文件夹 指定案件位置。",
        "en": "no case (case.toml) in {path} or any folder above it. Run `kameng init` first, or point to the case with -C DIR.",
    },
    "case.not_found_at": {
        "zh": "{path} 不是案件文件夹（没有 case.toml）。检查 -C 后面的路径，或先在那里运行 kameng init。",
        "en": "{path} is not a case folder (no case.toml). Check the path after -C, or run `kameng init` there.",
    },
    "case.not_found_env": {
        "zh": "环境变量 KAMENG_CASE 指向的 {path} 不是案件文件夹（没有 case.toml）。修改或删除 KAMENG_CASE。",
        "en": "KAMENG_CASE points to {path}, which is not a case folder (no case.toml). Fix or unset KAMENG_CASE.",
    },
    "case.invalid": {"zh": "{path} 有 {count} 处错误：", "en": "{path} has {count} error(s):"},
    "case.invalid.fix": {
        "zh": "用文本编辑器修改 case.toml 后运行 kameng show 检查。",
        "en": "Edit case.toml in a text editor, then run `kameng show` to check it.",
    },
    "case.field_at_line": {"zh": "第 {line} 行 {field}", "en": "line {line}, {field}"},
    "case.field": {"zh": "字段 {field}", "en": "field {field}"},
    "case.missing": {"zh": "缺少此字段", "en": "this field is required"},
    "case.unknown_key": {"zh": "未知的字段（拼写错误？），删除它或改成正确的字段名", "en": "unknown field (a typo?); remove it or use the right name"},
    "case.wrong_type": {"zh": "应为{expected}，实际是 {value!r}", "en": "should be {expected}, got {value!r}"},
    "case.syntax": {"zh": "TOML 语法错误：{detail}", "en": "TOML syntax error: {detail}"},
    "case.syntax.at": {"zh": "第 {line} 行第 {column} 列：{what}", "en": "line {line}, column {column}: {what}"},
    "case.syntax.at_line": {"zh": "第 {line} 行：{what}", "en": "line {line}: {what}"},
    "case.syntax.at_end": {"zh": "文件末尾：{what}", "en": "at the end of the file: {what}"},
    "case.syntax.unclosed_line": {"zh": "这一行的引号没有闭合（值要写成 \"…\"，同一行结束）",
                                  "en": "a quote is not closed on this line (write values as \"…\" on one line)"},
    "case.syntax.unclosed_string": {"zh": "有一个引号没有闭合", "en": "a quoted value is not closed"},
    "case.syntax.no_equals": {"zh": "字段名后面缺少 =（应写成 名称 = 值）", "en": "a key has no = after it (write key = value)"},
    "case.syntax.extra_text": {"zh": "值后面还有多余的内容（一行只写一个 名称 = 值；文字要加引号）",
                               "en": "something follows the value (one key = value per line; quote text)"},
    "case.syntax.unclosed_array": {"zh": "方括号 [ ] 没有闭合", "en": "a [ ] list is not closed"},
    "case.syntax.unclosed_table": {"zh": "花括号 { } 没有闭合", "en": "a { } table is not closed"},
    "case.syntax.twice": {"zh": "同一个字段或小节写了两次", "en": "the same key or section appears twice"},
    "case.syntax.bad_value": {"zh": "值的写法不对（文字要加引号，如 price = \"100.00\"）",
                              "en": "the value is not valid (quote text, e.g. price = \"100.00\")"},
    "case.syntax.bad_statement": {"zh": "这一行不是 名称 = 值 的格式", "en": "this line is not in key = value form"},
    "case.not_utf8": {"zh": "文件不是 UTF-8 编码（{detail}），请另存为 UTF-8", "en": "the file is not UTF-8 ({detail}); save it as UTF-8"},
    "case.unreadable": {"zh": "无法读取：{detail}", "en": "cannot be read: {detail}"},
    "case.problem.unknown": {
        "zh": "未知的问题类型 {value!r}；可选：not-delivered（未到账/未发货）、card-invalid（卡密无效/已被使用）、"
              "not-as-described（描述不符/面值缩水/虚假折扣）、delayed（延迟发货）、merchant-vanished（商家跑路/失联）、"
              "after-sales-refused（售后推诿/拒绝退款）、account-stolen（账号被盗刷）、privacy-leak（隐私泄露）、"
              "illegal-goods（售卖非法卡密）；英文名或中文名都可以",
        "en": "unknown problem type {value!r}; one of: not-delivered (未到账/未发货), card-invalid (卡密无效/已被使用), "
              "not-as-described (描述不符/面值缩水/虚假折扣), delayed (延迟发货), merchant-vanished (商家跑路/失联), "
              "after-sales-refused (售后推诿/拒绝退款), account-stolen (账号被盗刷), privacy-leak (隐私泄露), "
              "illegal-goods (售卖非法卡密); the English or the Chinese name",
    },
    "case.schema.unknown": {
        "zh": "schema {value!r} 不是这个版本的 kameng 认识的案件文件格式（应为 \"kameng.case/1\"）：案件文件可能由更新版本的 kameng 写成，请升级 kameng，或改回 \"kameng.case/1\"",
        "en": "schema {value!r} is not a case file format this kameng knows (it should be \"kameng.case/1\"): the file may come from a newer kameng; upgrade, or set it back to \"kameng.case/1\"",
    },
    "case.claim.unknown": {
        "zh": "诉求只能是 refund（退款）、redeliver（补发/重新交付）、compensation（赔偿）、interest（利息），英文名或中文名都可以；"
              "“退一赔三”请写成 [\"退款\", \"赔偿\"]，并在 fraud 中说明是否认为商家欺诈",
        "en": "claims are refund (退款), redeliver (补发/重新交付), compensation (赔偿) or interest (利息), by the English or the "
              "Chinese name; for 退一赔三 write [\"refund\", \"compensation\"] and say in fraud whether the merchant deceived you",
    },
    "type.string": {"zh": "文字（用英文双引号括起来）", "en": "text (in double quotes)"},
    "type.bool": {"zh": "true 或 false", "en": "true or false"},
    "type.list": {"zh": "列表（方括号，每项加引号），例如 [\"甲\", \"乙\"]", "en": "a list (square brackets, each item quoted), e.g. [\"a\", \"b\"]"},
    "locator.line": {"zh": "第 {n} 行", "en": "line {n}"},
    "locator.row": {"zh": "第 {n} 行", "en": "row {n}"},
    "locator.page": {"zh": "第 {n} 页", "en": "page {n}"},
    "locator.message": {"zh": "第 {n} 条消息", "en": "message {n}"},
    "type.model": {"zh": "一个表（[节名]）", "en": "a table ([section])"},
    "type.dict": {"zh": "一个表（[节名]）", "en": "a table ([section])"},
    "type.decimal": {"zh": "金额，例如 \"98.50\"", "en": "an amount, e.g. \"98.50\""},
    "type.datetime": {"zh": "时间，例如 \"2024-05-01 09:55\"", "en": "a time, e.g. \"2024-05-01 09:55\""},
    "type.float": {"zh": "数字", "en": "a number"},
    "type.int": {"zh": "整数", "en": "a whole number"},
    "amount.not_a_number": {"zh": "不是有效金额（例：¥1,288.00、1288、1288元）", "en": "not an amount (e.g. ¥1,288.00, 1288, 1288元)"},
    "amount.negative": {"zh": "金额不能为负数", "en": "an amount cannot be negative"},
    "amount.too_many_places": {"zh": "金额最多两位小数", "en": "at most two decimal places"},
    "time.invalid": {
        "zh": "不是有效时间（例：2024-11-03 15:30、2024年11月3日下午3点半）",
        "en": "not a time (e.g. 2024-11-03 15:30, 2024年11月3日下午3点半)",
    },
    "time.no_year": {
        "zh": "缺少年份：请写完整日期（例：2024-05-01 09:55），否则会被当成今年",
        "en": "no year: write the full date (e.g. 2024-05-01 09:55), otherwise it would be taken as this year",
    },
    "time.ambiguous": {
        "zh": "日和月的顺序不明确（10/06/2025 可能是10月6日，也可能是6月10日）：请写成 年-月-日（例：2025-06-10 09:14）",
        "en": "the order of day and month is unclear (10/06/2025 may be 6 October or 10 June): write year-month-day (e.g. 2025-06-10 09:14)",
    },
    "time.ambiguous_flag": {
        "zh": "{flag} {value!r} 日和月的顺序不明确（可能是几月几日，也可能反过来）；请写成 年-月-日（例：2025-06-10 09:14）。",
        "en": "{flag} {value!r}: the order of day and month is unclear; write year-month-day (e.g. 2025-06-10 09:14).",
    },
    "time.future": {"zh": "{flag} {value} 是将来的时间，请检查日期。", "en": "{flag} {value} is in the future; check the date."},
    "case.id_number.bad-check-digit": {
        "zh": "complainant.id_number = {value}：末位校验码不符合 GB 11643（ISO 7064 MOD 11-2），多半录入有误；"
              "法院文书会原样打印这个号码，请对照身份证核对。",
        "en": "complainant.id_number = {value}: the last character fails the GB 11643 check (ISO 7064 MOD 11-2), most "
              "likely a typo; court letters print the number as written, so compare it with the ID card.",
    },
    "case.id_number.bad-format": {
        "zh": "complainant.id_number = {value}：不是 18 位的公民身份号码（17 位数字加一位数字或 X），请对照身份证核对。",
        "en": "complainant.id_number = {value}: not an 18-character ID number (17 digits and a digit or X); compare it with the ID card.",
    },
    "case.paid_at.future": {
        "zh": "order.paid_at = {value} 是将来的时间（今天是 {today}），请检查日期。",
        "en": "order.paid_at = {value} is in the future (today is {today}); check the date.",
    },
    "case.paid_at.contradicts": {
        "zh": "order.paid_at = {value} 与付款记录不符：{exhibit} 的付款时间是 {paid}，相差超过一天；请按付款记录改正。",
        "en": "order.paid_at = {value} does not match the payment record: {exhibit} shows the payment at {paid}, more "
              "than a day apart; correct it from the record.",
    },
    "uscc.bad-check-digit": {
        "zh": "统一社会信用代码 {value} 的校验位不符合 GB 32100，可能录入有误（少数早期代码本身不合规，请对照营业执照核实）。",
        "en": "the credit code {value} fails the GB 32100 check digit; it may be mistyped (a few early codes do not conform; compare with the business licence).",
    },
    "uscc.bad-format": {
        "zh": "统一社会信用代码 {value} 格式不对（应为 18 位，不含 I、O、Z、S、V），可能录入有误，请对照营业执照核实。",
        "en": "the credit code {value} has the wrong form (18 characters without I, O, Z, S, V); it may be mistyped; compare with the business licence.",
    },
    # init
    "init.exists": {
        "zh": "{path} 已经是一个案件文件夹，不会覆盖。要修改案件信息请编辑其中的 case.toml；要新建案件请换一个文件夹。",
        "en": "{path} already holds a case; nothing was changed. Edit its case.toml to change the facts, or choose another folder for a new case.",
    },
    "init.not_a_folder": {"zh": "{path} 是一个文件，不是文件夹。", "en": "{path} is a file, not a folder."},
    "init.missing": {
        "zh": "缺少必填信息：{flags}。在终端中运行可逐项询问，或用这些参数提供。",
        "en": "missing required facts: {flags}. Run it on a terminal to be asked, or give these flags.",
    },
    "init.missing_with_orders": {
        "zh": "缺少必填信息：{flags}；问题与订单有关时（未到账、卡密无效、货不对板、延迟、商家失联、售后被拒）还需要：{order_flags}。"
              "在终端中运行可逐项询问，或用这些参数提供。",
        "en": "missing required facts: {flags}; for a problem with an order (not delivered, invalid card, not as described, "
              "delayed, merchant vanished, after-sales refused) also: {order_flags}. Run it on a terminal to be asked, or give these flags.",
    },
    "init.bad_amount": {
        "zh": "{flag} {value!r} 不是有效金额：金额须 ≥ 0、最多两位小数（例：¥1,288.00、1288、1288元）。",
        "en": "{flag} {value!r} is not a valid amount: it must be ≥ 0 with at most two decimals (e.g. ¥1,288.00, 1288, 1288元).",
    },
    "init.no_year": {
        "zh": "{flag} {value!r} 缺少年份，会被当成今年；请写完整日期（例：2024-05-01 09:55）。",
        "en": "{flag} {value!r} has no year and would be taken as this year; write the full date (e.g. 2024-05-01 09:55).",
    },
    "init.bad_time": {
        "zh": "{flag} {value!r} 不是可识别的时间（例：2024-11-03 15:30、2024/11/3 15:30:22、2024年11月3日下午3点半）。",
        "en": "{flag} {value!r} is not a time kameng understands (e.g. 2024-11-03 15:30, 2024/11/3 15:30:22, 2024年11月3日下午3点半).",
    },
    "init.bad_claim": {"zh": "未知诉求 {value!r}；可选：{known}", "en": "unknown claim {value!r}; one of: {known}"},
    "init.bad_problem": {"zh": "未知问题类型 {value!r}；可选：{known}（或输入序号）", "en": "unknown problem type {value!r}; one of: {known} (or its number)"},
    "init.done": {"zh": "已新建案件：{path}", "en": "Case created: {path}"},
    "init.next": {
        "zh": "下一步：kameng add 截图、账单导出、聊天记录…（可以直接添加整个文件夹）",
        "en": "Next: kameng add your screenshots, bill exports, chat logs… (a whole folder works too)",
    },
    "init.ask.problem": {"zh": "遇到的是哪类问题？", "en": "What went wrong?"},
    "init.ask.choose": {"zh": "请输入序号", "en": "Enter a number"},
    "init.ask.optional": {"zh": "（可留空）", "en": " (optional)"},
    "init.ask.required": {"zh": "这一项必须填写。", "en": "This one is required."},
    "init.ask.platform.name": {"zh": "平台名称（卡盟网站/App 名）", "en": "Platform name (site / app)"},
    "init.ask.platform.site": {"zh": "平台网址", "en": "Platform web address"},
    "init.ask.platform.company": {"zh": "平台运营公司全称（网站底部或“关于我们”可查）", "en": "Operator company (see the site footer or About page)"},
    "init.ask.platform.uscc": {"zh": "运营公司统一社会信用代码（18 位）", "en": "Operator's unified social credit code (18 characters)"},
    "init.ask.merchant.name": {"zh": "商家/店铺名称", "en": "Merchant / shop name"},
    "init.ask.merchant.shop": {"zh": "店铺链接或编号", "en": "Shop link or id"},
    "init.ask.merchant.contact": {"zh": "商家联系方式（QQ/微信/电话）", "en": "Merchant contact (QQ / WeChat / phone)"},
    "init.ask.order.number": {"zh": "订单号", "en": "Order number"},
    "init.ask.order.goods": {"zh": "购买的商品（例：云游一卡通100元）", "en": "Goods bought (e.g. a 100-yuan game card)"},
    "init.ask.order.face_value": {"zh": "面值（元）", "en": "Face value (yuan)"},
    "init.ask.order.price": {"zh": "实际支付金额（元）", "en": "Price paid (yuan)"},
    "init.ask.order.paid_at": {"zh": "付款时间（例：2024-05-01 09:55）", "en": "Payment time (e.g. 2024-05-01 09:55)"},
    "init.ask.order.payment_channel": {"zh": "付款方式（支付宝/微信/银行卡…）", "en": "Payment method (Alipay / WeChat Pay / card …)"},
    "init.ask.claims": {"zh": "诉求，逗号分隔：refund 退款, redeliver 补发, compensation 赔偿, interest 利息", "en": "Claims, comma-separated: refund, redeliver, compensation, interest"},
    "init.ask.my_names": {"zh": "你在聊天记录里的昵称（逗号分隔）", "en": "Your nicknames in the chats (comma-separated)"},
    # show
    "show.title": {"zh": "案件 {path}", "en": "Case {path}"},
    "field.problem": {"zh": "问题类型", "en": "Problem"},
    "field.claims": {"zh": "诉求", "en": "Claims"},
    "field.platform": {"zh": "平台", "en": "Platform"},
    "field.platform_uscc": {"zh": "平台信用代码", "en": "Platform credit code"},
    "field.merchant": {"zh": "商家", "en": "Merchant"},
    "field.order_no": {"zh": "订单号", "en": "Order number"},
    "field.goods": {"zh": "商品", "en": "Goods"},
    "field.face_value": {"zh": "面值", "en": "Face value"},
    "field.price": {"zh": "实付", "en": "Price paid"},
    "field.paid_at": {"zh": "付款时间", "en": "Paid at"},
    "field.payment_channel": {"zh": "付款方式", "en": "Payment method"},
    "field.my_names": {"zh": "我的昵称", "en": "My names"},
    # options
    "option.bad_time": {"zh": "{flag} {value!r} 不是可识别的时间（例：2024-05-01 10:00）。", "en": "{flag} {value!r} is not a time (e.g. 2024-05-01 10:00)."},
    "option.bad_kind": {"zh": "未知的证据类型 {value!r}；可选：{known}", "en": "unknown exhibit kind {value!r}; one of: {known}"},
    "option.bad_event_kind": {"zh": "未知的事件类型 {value!r}；可选：{known}", "en": "unknown event kind {value!r}; one of: {known}"},
    "option.bad_actor": {"zh": "未知的行为人 {value!r}；可选：{known}", "en": "unknown actor {value!r}; one of: {known}"},
    "option.bad_amount": {"zh": "{flag} {value!r} 不是有效金额。", "en": "{flag} {value!r} is not an amount."},
    # lock
    "lock.busy": {
        "zh": "案件正被另一个命令使用（{command}，进程 {pid}）。等它结束后再试：锁会在那个命令结束（或被关闭）时自动释放，不要删除 {path}——"
              "删除它会让两个命令同时写入。需要等更久时可设置环境变量 KAMENG_LOCK_TIMEOUT（秒）。",
        "en": "the case is in use by another command ({command}, process {pid}). Try again when it has finished: the lock is "
              "released by itself when that command ends or is killed; do not delete {path} — that would let two commands "
              "write at once. To wait longer, set KAMENG_LOCK_TIMEOUT (seconds).",
    },
    # add
    "add.status.ok": {"zh": "成功", "en": "OK"},
    "add.status.skipped": {"zh": "跳过", "en": "SKIPPED"},
    "add.same_origin": {
        "zh": "{ids} 也是从这个文件添加的，文件之后被改动过（例如重新导出覆盖了旧文件）：两份都保留为证据；其中相同的消息和付款在检查与文书中只算一次。",
        "en": "{ids} was added from this same file, which has changed since (a newer export saved over the old one?): both stay "
              "evidence; messages and payments they share count once in check and drafts.",
    },
    "add.status.restored": {"zh": "已恢复", "en": "RESTORED"},
    "add.status.updated": {"zh": "已更新", "en": "UPDATED"},
    "add.updated": {"zh": "与 {id}（{name}）相同：已按 --note / --kind 更新 {id} 的说明或类型，没有新增证据",
                    "en": "same as {id} ({name}): its note or kind was updated from --note / --kind; no new exhibit"},
    "add.restored": {
        "zh": "与 {id}（{name}）添加时的内容完全相同：{id} 被改动或丢失的证据副本已用它恢复原样，编号不变",
        "en": "identical to {id} ({name}) as it was added: the changed or lost copy of {id} was restored from it; the number stays",
    },
    "add.status.error": {"zh": "失败", "en": "ERROR"},
    "add.col.status": {"zh": "结果", "en": "Result"},
    "add.col.file": {"zh": "文件", "en": "File"},
    "add.col.exhibit": {"zh": "编号", "en": "Exhibit"},
    "add.col.detail": {"zh": "说明", "en": "Detail"},
    "add.detail_ok": {"zh": "识别为：{detected}；类型：{kind}", "en": "detected: {detected}; kind: {kind}"},
    "add.detail_warnings": {"zh": "；{count} 条警告（kameng check 查看）", "en": "; {count} warning(s) (see kameng check)"},
    "add.detected_unknown": {"zh": "未识别的格式", "en": "unrecognised format"},
    "add.duplicate": {"zh": "内容与 {id}（{name}）完全相同，未重复添加", "en": "same content as {id} ({name}); not added again"},
    "add.duplicate_in_run": {"zh": "内容与本次添加的 {path} 完全相同，未重复添加", "en": "same content as {path} in this run; not added twice"},
    "add.missing": {"zh": "文件不存在，检查路径是否写对", "en": "no such file; check the path"},
    "add.empty_folder": {"zh": "文件夹里没有文件", "en": "the folder holds no files"},
    "add.empty_file": {"zh": "文件是空的（0 字节），不能作为证据；请重新导出或截图", "en": "the file is empty (0 bytes) and cannot be evidence; export or capture it again"},
    "add.empty_input": {
        "zh": "标准输入没有内容：请把聊天文本通过管道传入（如 cat 聊天记录.txt | kameng add -），或在终端中粘贴后按 Ctrl-D",
        "en": "nothing on standard input: pipe the chat text in (cat chat.txt | kameng add -), or paste it on a terminal and press Ctrl-D",
    },
    "add.broken_symlink": {"zh": "这是一个指向不存在文件的快捷方式（{target}）", "en": "a symbolic link to a missing file ({target})"},
    "add.not_a_file": {"zh": "不是普通文件（设备、管道等），无法作为证据", "en": "not a regular file (device, pipe, …); it cannot be evidence"},
    "add.inside_case": {"zh": "该文件已在案件文件夹内；请添加你自己保存的原件", "en": "this file is inside the case folder already; add your own original instead"},
    "add.copy_mismatch": {"zh": "复制后的校验值与原件不一致（磁盘或文件正在被修改？），未添加；请重试", "en": "the copy's hash differs from the original (disk problem or file being changed?); not added, try again"},
    "add.os_error": {"zh": "无法读取：{detail}（检查文件权限）", "en": "cannot read it: {detail} (check the file's permissions)"},
    "add.case_write_error": {
        "zh": "无法写入案件文件夹（{path}）：{detail}。请确认案件文件夹可写、磁盘还有空间，再重新添加。原文件没有被改动。",
        "en": "cannot write into the case folder ({path}): {detail}. Make sure it is writable and the disk has space, then "
              "add the file again. The original was not touched.",
    },
    "add.not_understood": {"zh": "kameng 无法识别此文件的内容；已原样保存为“其他”类证据", "en": "kameng could not read this file's content; kept as-is as an 'other' exhibit"},
    "add.paste_hint": {"zh": "请粘贴聊天记录，完成后按 Ctrl-D（Windows：Ctrl-Z 回车）。", "en": "Paste the chat, then press Ctrl-D (Windows: Ctrl-Z, Enter)."},
    "add.progress": {"zh": "正在添加证据", "en": "Adding evidence"},
    "add.totals": {"zh": "成功 {ok}，跳过 {skipped}，失败 {error}", "en": "{ok} added, {skipped} skipped, {error} failed"},
    "add.totals_restored": {"zh": "，恢复 {count}", "en": ", {count} restored"},
    "add.totals_updated": {"zh": "，更新说明 {count}", "en": ", {count} updated"},
    "format.unknown": {"zh": "没有名为 {name!r} 的格式；可用：{known}", "en": "no format named {name!r}; available: {known}"},
    "format.ambiguous": {
        "zh": "{file} 同时符合多种格式（{names}）；用 --format 指定其一，例如 --format {first}",
        "en": "{file} matches several formats ({names}); choose one with --format, e.g. --format {first}",
    },
    "exhibit.unknown": {"zh": "没有证据 {id}；现有：{known}", "en": "no exhibit {id}; there are: {known}"},
    "exhibit.name_taken": {"zh": "evidence/ 中已存在 {file}（可能是手动放入的）；先运行 kameng verify", "en": "evidence/ already holds {file} (put there by hand?); run kameng verify"},
    "image.unreadable": {"zh": "图片无法解码（{detail}），已原样保存", "en": "the image could not be decoded ({detail}); kept as-is"},
    "pdf.unreadable": {"zh": "PDF 无法读取（{detail}），已原样保存", "en": "the PDF could not be read ({detail}); kept as-is"},
    "pdf.encrypted": {"zh": "PDF 有密码保护，无法提取文字，已原样保存", "en": "the PDF is password-protected; its text could not be read; kept as-is"},
    "text.undecodable": {"zh": "文本编码无法识别（{detail}）；请另存为 UTF-8 后重新添加", "en": "the text encoding could not be recognised ({detail}); save it as UTF-8 and add it again"},
    "text.pasted": {"zh": "从标准输入粘贴的文本", "en": "text pasted on standard input"},
    "event.captured": {"zh": "截图 {name}", "en": "screenshot {name}"},
    # list / timeline / events
    "list.empty": {"zh": "还没有证据。用 kameng add 添加。", "en": "No exhibits yet. Add some with `kameng add`."},
    "list.col.id": {"zh": "编号", "en": "Id"},
    "list.col.kind": {"zh": "类型", "en": "Kind"},
    "list.col.name": {"zh": "原文件名", "en": "Original name"},
    "list.col.size": {"zh": "大小", "en": "Size"},
    "list.col.captured": {"zh": "形成时间", "en": "Captured"},
    "list.col.detected": {"zh": "识别为", "en": "Detected"},
    "list.col.sha": {"zh": "SHA-256", "en": "SHA-256"},
    "captured.exif": {"zh": "EXIF", "en": "EXIF"},
    "captured.file-mtime": {"zh": "文件修改时间，可信度低", "en": "file time, low confidence"},
    "captured.export-header": {"zh": "导出文件头", "en": "export header"},
    "captured.message-time": {"zh": "消息时间", "en": "message time"},
    "captured.pdf-metadata": {"zh": "PDF 元数据", "en": "PDF metadata"},
    "captured.stated": {"zh": "用户陈述", "en": "stated by you"},
    "captured.none": {"zh": "未知", "en": "unknown"},
    "timeline.empty": {"zh": "时间线为空。", "en": "The timeline is empty."},
    "timeline.col.time": {"zh": "时间", "en": "Time"},
    "timeline.col.actor": {"zh": "行为人", "en": "Actor"},
    "timeline.col.kind": {"zh": "事件", "en": "Event"},
    "timeline.col.summary": {"zh": "内容", "en": "Summary"},
    "timeline.col.source": {"zh": "出处", "en": "Source"},
    "timeline.time_unknown": {"zh": "时间未知", "en": "time unknown"},
    "timeline.manual": {"zh": "手动录入", "en": "manual"},
    "timeline.flag_legend": {"zh": "* 时间为推定（无年份/无时区/文件时间等），详见 --json 的 time_flags", "en": "* time is inferred (no year / no zone / file time …); see time_flags in --json"},
    "event.added": {"zh": "已添加事件 {id}", "en": "Event {id} added"},
    "event.removed": {"zh": "已删除事件 {id}", "en": "Event {id} removed"},
    "event.unknown": {"zh": "没有手动事件 {id}（用 kameng timeline --json 查看编号）", "en": "no manual event {id} (see the ids in `kameng timeline --json`)"},
    "event.rm_derived": {"zh": "{id} 是从证据中读出的事件，不能删除；它会随证据重建", "en": "{id} was read from an exhibit and cannot be removed; it is rebuilt from the evidence"},
    "event.rm_timeline": {"zh": "{id} 是根据整条时间线推出的事件（如承诺落空、不回复），不能删除；它会随证据和手动事件重新计算",
                          "en": "{id} is derived from the whole timeline (a broken promise, a silence) and cannot be removed; it is recomputed from the evidence and manual events"},
    "event.empty_summary": {"zh": "事件内容不能为空", "en": "the summary cannot be empty"},
    # rebuild / verify
    "rebuild.changed": {
        "zh": "{id}（{name}）的副本自添加后已被修改，没有重新读取：时间线保留按添加时内容读出的事件。请用原文件恢复：kameng add <原文件>。",
        "en": "the copy of {id} ({name}) was changed after it was added and was not read again: the timeline keeps the events "
              "read from its recorded content. Put the original back with: kameng add <original file>.",
    },
    "rebuild.done": {"zh": "已重建：{exhibits} 份证据，{events} 个事件，{warnings} 条警告", "en": "Rebuilt: {exhibits} exhibits, {events} events, {warnings} warnings"},
    "rebuild.no_ocr": {
        "zh": "{id}（{name}）添加时用 OCR 识别过，现在 OCR 不可用（未安装 kameng[ocr] 或 KAMENG_OCR=0），没有重新读取：时间线保留添加时识别出的内容。",
        "en": "{id} ({name}) was read with OCR when it was added and OCR cannot run now (kameng[ocr] not installed or KAMENG_OCR=0); it was not read again: the timeline keeps what was recognised then.",
    },
    "rebuild.no_parser": {"zh": "读取格式 {parser} 已不可用（插件被卸载？）；证据原件不受影响", "en": "the source {parser} is no longer installed (plugin removed?); the evidence itself is unaffected"},
    "verify.ok": {"zh": "完好", "en": "ok"},
    "verify.modified": {"zh": "已被修改", "en": "MODIFIED"},
    "verify.modified.what": {
        "zh": "文件内容与添加时记录的 SHA-256 不一致：证据副本被改动过，已不能证明与原件相同。",
        "en": "the content no longer matches the SHA-256 recorded when it was added: the copy was changed and no longer proves what the original showed.",
    },
    "verify.modified.fix": {
        "zh": "用你保存的原件运行 kameng add 原件：与添加时内容相同的原件会把证据副本恢复原样，编号不变；原件也改过的，只能作为新证据添加。不要手动编辑 evidence/ 中的文件。",
        "en": "run kameng add ORIGINAL with the original you kept: an original identical to what was added restores the copy, "
              "under the same number; an original that was changed too can only be added as a new exhibit. Never edit files in evidence/ by hand.",
    },
    "verify.linked": {"zh": "被替换为链接", "en": "REPLACED BY A LINK"},
    "verify.linked.what": {"zh": "证据副本被换成了指向别处文件的链接：那个文件可以随时被改，已不是添加时保存的副本。", "en": "the copy was replaced by a link to a file elsewhere, which can change at any time: it is no longer the copy kept when it was added."},
    "verify.linked.fix": {"zh": "删除这个链接，再用你保存的原件运行 kameng add 原件，证据副本会以原编号恢复。", "en": "delete the link, then run kameng add ORIGINAL with the original you kept: the copy is restored under the same number."},
    "verify.missing": {"zh": "丢失", "en": "MISSING"},
    "verify.missing.what": {"zh": "清单中记录的证据文件不在 evidence/ 中。", "en": "the evidence file the manifest records is not in evidence/."},
    "verify.missing.fix": {
        "zh": "用你保存的原件运行 kameng add 原件，证据副本会以原编号恢复；然后再次运行 kameng verify。",
        "en": "run kameng add ORIGINAL with the original you kept: the copy is restored under the same number; then run kameng verify again.",
    },
    "verify.unexpected": {"zh": "未登记", "en": "UNEXPECTED"},
    "verify.unexpected.what": {"zh": "evidence/ 中有清单不认识的文件（手动放入的？），它不是已登记的证据。", "en": "evidence/ holds a file the manifest does not know (put there by hand?); it is not a registered exhibit."},
    "verify.unexpected.fix": {
        "zh": "把它移出 evidence/，再用 kameng add 正式添加。",
        "en": "move it out of evidence/ and add it properly with kameng add.",
    },
    "verify.timeline-modified": {"zh": "时间线被改动", "en": "TIMELINE CHANGED"},
    "verify.timeline-modified.what": {
        "zh": "时间线文件与 kameng 最后写入的内容不一致（被手动编辑、损坏，或含有清单中没有的证据的事件）：起草的文书会引用其中的内容。",
        "en": "the timeline differs from what kameng last wrote (edited by hand, damaged, or holding events of exhibits the manifest does not have): drafts quote it.",
    },
    "verify.timeline-modified.fix": {
        "zh": "运行 kameng rebuild：时间线会从证据副本重新生成（你用 kameng event add 记录的事件另外保存，不受影响）。",
        "en": "run kameng rebuild: the timeline is written anew from the evidence copies (events you recorded with kameng event add are kept elsewhere and are not affected).",
    },
    "verify.timeline-missing": {"zh": "时间线丢失", "en": "TIMELINE MISSING"},
    "verify.timeline-missing.what": {"zh": "时间线文件被删除：检查和起草会当作没有任何证据。", "en": "the timeline file was deleted: check and draft would see no evidence at all."},
    "verify.timeline-missing.fix": {"zh": "运行 kameng rebuild，从证据副本重新生成时间线。", "en": "run kameng rebuild to write the timeline anew from the evidence copies."},
    "manifest.damaged": {
        "zh": "案件清单 {file} 第 {line} 行有问题：{problem} 为免两份证据用上同一编号，kameng 不再向这个案件写入。运行 kameng verify 查看详情；从备份恢复该文件后重试（不要手动编辑 .kameng/ 中的文件）。",
        "en": "the case manifest {file} has a problem at line {line}: {problem} So that no two exhibits get one number, kameng writes nothing more to this case. Run kameng verify for details; restore the file from a backup and try again (never edit files in .kameng/ by hand).",
    },
    "store.timeline_changed": {
        "zh": "时间线文件（.kameng/events.jsonl）与 kameng 最后写入的不一致：被手动改动过。下面的结果依据的是改动后的内容；运行 kameng rebuild 从证据副本重新生成。",
        "en": "the timeline (.kameng/events.jsonl) differs from what kameng last wrote: it was changed by hand. What follows rests on the changed content; run kameng rebuild to write it anew from the evidence copies.",
    },
    "draft.timeline_changed": {
        "zh": "时间线文件（.kameng/events.jsonl）被手动改动过，文书不能引用其中的内容。运行 kameng rebuild 从证据副本重新生成后再起草（你用 kameng event add 记录的事件不受影响）。",
        "en": "the timeline (.kameng/events.jsonl) was changed by hand; a letter cannot quote it. Run kameng rebuild to write it anew from the evidence copies, then draft again (events you recorded with kameng event add are not affected).",
    },
    "store.events_damaged": {
        "zh": "时间线文件 {file} 第 {line} 行无法读取（被编辑或损坏）。运行 kameng rebuild，从证据副本重新生成时间线。",
        "en": "the timeline file {file} cannot be read at line {line} (edited or damaged). Run kameng rebuild to write it anew from the evidence copies.",
    },
    "store.manual_damaged": {
        "zh": "手动事件文件 {file} 第 {line} 行无法读取（被编辑或损坏）。这些是你用 kameng event add 记录的事件，无法自动重建：从备份恢复该文件，或修正/删除这一行。",
        "en": "the manual events file {file} cannot be read at line {line} (edited or damaged). These are the events you recorded with kameng event add and cannot be rebuilt: restore the file from a backup, or fix or delete that line.",
    },
    "verify.chain": {"zh": "清单链断裂", "en": "CHAIN BROKEN"},
    "verify.chain.unreadable": {"zh": "清单中的这一行无法解析：清单文件被编辑或损坏。", "en": "this manifest line cannot be read: the manifest was edited or damaged."},
    "verify.chain.bad-hash": {"zh": "这一条记录的内容与其哈希不符：记录被改动过。", "en": "this entry does not match its own hash: it was altered."},
    "verify.chain.bad-link": {"zh": "这一条记录与上一条的哈希链接不上：中间有记录被删除、插入或调换。", "en": "this entry does not link to the previous one: entries were removed, inserted or reordered."},
    "verify.chain.bad-seq": {"zh": "序号不连续：有记录被删除或插入。", "en": "the sequence numbers have a gap: entries were removed or inserted."},
    "verify.chain.fix": {
        "zh": "不要手动编辑 .kameng/ 中的文件。从备份恢复 .kameng/manifest.jsonl；没有备份时，新建案件并从原件重新添加全部证据。",
        "en": "never edit files in .kameng/ by hand. Restore .kameng/manifest.jsonl from a backup; without one, start a new case and add all evidence again from the originals.",
    },
    "verify.summary_ok": {"zh": "全部 {count} 份证据完好，清单链完整。", "en": "All {count} exhibits intact; the manifest chain is whole."},
    "verify.summary_bad": {"zh": "发现问题，见上。", "en": "Problems found, see above."},
    # doctor
    "doctor.sources": {"zh": "可识别的格式：", "en": "Formats kameng reads:"},
    "doctor.present": {"zh": "已安装", "en": "installed"},
    "doctor.absent": {"zh": "未安装", "en": "not installed"},
    "doctor.feature.ocr": {"zh": "截图文字识别（OCR）", "en": "Screenshot text recognition (OCR)"},
    "doctor.feature.ocr.how": {
        "zh": "安装后 kameng 能从截图中读出订单号、金额、时间和“处理中/卡密已使用”等状态：pip install \"kameng[ocr]\"",
        "en": "With it kameng reads order numbers, amounts, times and statuses such as 处理中 from screenshots: pip install \"kameng[ocr]\"",
    },
    "doctor.feature.pdf-writer": {"zh": "PDF 文书生成", "en": "PDF output"},
    "doctor.feature.pdf-writer.how": {"zh": "pip install typst", "en": "pip install typst"},
}
