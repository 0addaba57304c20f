"""Messages for the payments area (see kameng_cli/i18n.py)."""

MESSAGES: dict[str, dict[str, str]] = {
    # how to export again, per layout family (spec sections 1.0, 2.0, 3)
    "payments.how.alipay": {
        "zh": "请在支付宝 App 重新导出：我的 → 账单 → 右上角“…” → 开具交易流水证明 → 用于个人对账 → 申请；解压邮件附件后直接添加其中的 CSV，不要用 Excel/WPS 打开后再保存。",
        "en": "Export it again in the Alipay app: Me → Bills → “…” → 开具交易流水证明 → 用于个人对账; unzip the e-mailed file and add the CSV as it is — do not open and re-save it in Excel/WPS.",
    },
    "payments.how.alipay_web": {
        "zh": "网页版导出已停用：请在支付宝 App 重新导出（我的 → 账单 → “…” → 开具交易流水证明 → 用于个人对账），直接添加解压出的 CSV，不要用 Excel/WPS 另存。",
        "en": "The web export is gone: export again in the Alipay app (Me → Bills → “…” → 开具交易流水证明 → 用于个人对账) and add the unzipped CSV as it is, without re-saving it in Excel/WPS.",
    },
    "payments.how.wechat": {
        "zh": "请在微信重新导出：我 → 服务 → 钱包 → 账单 → 常见问题 → 下载账单 → 用于个人对账；用微信支付发来的密码解压邮件附件，直接添加其中的文件，不要用 Excel/WPS 转换或另存。",
        "en": "Export it again in WeChat: Me → Services → Wallet → Bills → FAQ → Download bills → 用于个人对账; unzip the e-mail attachment with the password WeChat Pay sends and add the file as it is, without converting or re-saving it in Excel/WPS.",
    },
    "payments.how.cmb": {
        "zh": "请在招商银行专业版（电脑端）重新查询交易记录并导出 CSV，直接添加，不要用 Excel/WPS 另存；也可在招商银行 App 首页 → 流水打印 申请 PDF 流水。",
        "en": "Query the transactions again in CMB 专业版 (PC) and export the CSV, adding it unchanged (no Excel/WPS re-save); or request a PDF statement in the CMB app (流水打印).",
    },
    "payments.how.icbc": {
        "zh": "请在工商银行网银“明细查询”中重新导出（下载）明细文件（CSV），直接添加，不要用 Excel/WPS 另存。",
        "en": "Download the details file (CSV) again from ICBC online banking (明细查询) and add it unchanged, without re-saving it in Excel/WPS.",
    },
    "payments.how.generic": {
        "zh": "请从银行 App 或网银重新导出流水文件并直接添加，不要用 Excel/WPS 另存；用 --map 指定列，例如 --map 时间=交易日期,金额=支出,对方=交易备注。",
        "en": "Export the statement again from your bank's app or online banking and add it unchanged; name the columns with --map, e.g. --map 时间=交易日期,金额=支出,对方=交易备注.",
    },
    # broken files (SourceError): nothing of the file is ingested
    "payments.broken.no_header": {
        "zh": "这是{layout}，但找不到表头行（列名），文件可能不完整或被编辑过，未导入。{how}",
        "en": "this is a {layout}, but its header row (the column names) is missing; the file may be incomplete or edited. Nothing was imported. {how}",
    },
    "payments.broken.mangled": {
        "zh": "这份{layout}被电子表格软件（Excel/WPS）另存过：第 {line} 行的订单号变成了科学计数法“{value}”，原号码已无法恢复，未导入。{how}",
        "en": "this {layout} was re-saved by a spreadsheet program (Excel/WPS): the order number on line {line} became “{value}” in scientific notation and cannot be recovered. Nothing was imported. {how}",
    },
    "payments.broken.truncated_count": {
        "zh": "这份{layout}不完整：文件头写明共 {stated} 笔记录，实际只有 {found} 行，文件可能下载或复制不完整，未导入。{how}",
        "en": "this {layout} is incomplete: its header states {stated} records but only {found} rows are present; the download or copy was probably cut short. Nothing was imported. {how}",
    },
    "payments.broken.truncated_footer": {
        "zh": "这份{layout}不完整：数据在第 {line} 行后中断，缺少文件末尾的汇总部分，未导入。{how}",
        "en": "this {layout} is incomplete: the data stops after line {line} and the closing summary is missing. Nothing was imported. {how}",
    },
    "payments.broken.truncated_row": {
        "zh": "这份{layout}不完整：最后一行（第 {line} 行）被截断，未导入。{how}",
        "en": "this {layout} is incomplete: its last row (line {line}) is cut off. Nothing was imported. {how}",
    },
    "payments.broken.encoding": {
        "zh": "这份{layout}第 {line} 行有无法识别的字节，文件已损坏（可能在下载、解压或复制时出错），未导入；不要转换编码或另存（另存过的账单证明力减弱）。{how}",
        "en": "this {layout} has bytes that cannot be read on line {line}: the file is damaged (probably while downloading, unzipping or copying it). Nothing was imported; do not convert or re-save it (a re-saved bill proves less). {how}",
    },
    "payments.broken.undecodable": {
        "zh": "这份{layout}的文字编码无法识别，文件可能已损坏，未导入；不要转换编码或另存（另存过的账单证明力减弱）。{how}",
        "en": "the text encoding of this {layout} cannot be recognised; the file may be damaged. Nothing was imported; do not convert or re-save it (a re-saved bill proves less). {how}",
    },
    "payments.broken.csv": {
        "zh": "这份{layout}在第 {line} 行的 CSV 结构损坏（{detail}），未导入。{how}",
        "en": "this {layout} has a broken CSV structure on line {line} ({detail}). Nothing was imported. {how}",
    },
    "payments.broken.xlsx": {
        "zh": "这份{layout}“{name}”已损坏，无法打开：{detail}。未导入。{how}",
        "en": "this {layout} “{name}” is damaged and cannot be opened: {detail}. Nothing was imported. {how}",
    },
    "payments.broken.xlsx_unknown": {
        "zh": "XLSX 文件“{name}”已损坏，无法打开：{detail}。未导入。请从原处重新下载或导出该文件，直接添加，不要用 Excel/WPS 另存；如果它是微信支付账单：{how}",
        "en": "the XLSX file “{name}” is damaged and cannot be opened: {detail}. Nothing was imported. Download or export it again from where it came and add it unchanged, without re-saving it in Excel/WPS; if it is a WeChat Pay bill: {how}",
    },
    "payments.xlsx.truncated": {
        "zh": "文件只有 {size} 字节，缺少压缩包末尾的目录，是下载、解压或复制没有完成时留下的残缺文件",
        "en": "the file has only {size} bytes and lacks the zip directory at its end — a download, unzip or copy that did not finish",
    },
    "payments.xlsx.unreadable": {"zh": "表格结构损坏（{detail}）", "en": "its structure is broken ({detail})"},
    # rows that cannot be interpreted (stored warnings; the file goes on)
    "payments.row.bad_amount": {"zh": "第 {line} 行金额无法识别：“{value}”，已跳过该行", "en": "line {line}: the amount “{value}” cannot be read; row skipped"},
    "payments.row.bad_time": {"zh": "第 {line} 行时间无法识别：“{value}”，已跳过该行", "en": "line {line}: the time “{value}” cannot be read; row skipped"},
    "payments.row.unknown_status": {
        "zh": "第 {line} 行交易状态“{value}”不在已知范围内，已按“收/支”列解读，请核对",
        "en": "line {line}: the status “{value}” is not a known one; read by the 收/支 column — please check",
    },
    "payments.row.unreadable": {"zh": "第 {line} 行无法按表格列拆分：“{value}”，已跳过该行", "en": "line {line} cannot be split into the table's columns (“{value}”); row skipped"},
    "payments.broken.pdf": {
        "zh": "这份{layout}的 PDF 中读不出文字（{detail}），可能是扫描件或已加密，未导入。{how}",
        "en": "no text can be read from this {layout} PDF ({detail}); it may be a scan or encrypted. Nothing was imported. {how}",
    },
    "payments.row.both_directions": {"zh": "第 {line} 行收入和支出同时有金额：“{value}”，已跳过该行", "en": "line {line}: both income and expense hold amounts (“{value}”); row skipped"},
    "payments.rows.unread": {"zh": "{count} 行无法解读，已记为警告（kameng check 查看）", "en": "{count} row(s) could not be read and were stored as warnings (see kameng check)"},
    # matching the case
    "payments.case.order_no": {"zh": "订单号 {value}", "en": "order number {value}"},
    "payments.case.price": {"zh": "金额 {value}", "en": "amount {value}"},
    "payments.case.paid_at": {"zh": "付款时间 {value}", "en": "paid at {value}"},
    "payments.reason.merchant_order_no": {"zh": "商家订单号一致", "en": "the merchant order number matches"},
    "payments.reason.trade_no": {"zh": "交易单号一致", "en": "the trade number matches"},
    "payments.reason.name": {"zh": "交易对方含“{name}”", "en": "the counterparty contains '{name}'"},
    "payments.reason.amount": {"zh": "金额一致", "en": "same amount"},
    "payments.reason.face_value": {"zh": "金额等于面值", "en": "amount equals the face value"},
    "payments.reason.minutes": {"zh": "时间相差 {minutes} 分钟", "en": "{minutes} min from the stated time"},
    "payments.reason.hours": {"zh": "时间相差约 {hours} 小时", "en": "about {hours} h from the stated time"},
    "payments.reason.days": {"zh": "时间相差约 {days} 天", "en": "about {days} day(s) from the stated time"},
    "payments.reason.same_day": {"zh": "同一天（流水只有日期）", "en": "same day (the statement has dates only)"},
    "payments.reason.none": {"zh": "无相符项", "en": "nothing in common"},
    "payments.reason.chosen": {"zh": "由你在终端选择（{reason}）", "en": "chosen by you on the terminal ({reason})"},
    "payments.ask.which": {
        "zh": "有 {count} 笔交易都可能是本案的付款（{case}），是哪一笔？",
        "en": "{count} transactions could be this case's payment ({case}). Which one?",
    },
    "payments.ask.none": {"zh": "都不是", "en": "none of them"},
    "payments.describe.paid": {
        "zh": "{time} 向 {counterparty} 支付 {amount}（第 {line} 行）",
        "en": "{time} paid {amount} to {counterparty} (line {line})",
    },
    "payments.describe.unpaid": {
        "zh": "{time} 向 {counterparty} 的 {amount} 订单已关闭、未付款（第 {line} 行）",
        "en": "{time} an order of {amount} to {counterparty}, closed without payment (line {line})",
    },
    "payments.describe.refund": {
        "zh": "{time} {counterparty} 退回 {amount}（第 {line} 行）",
        "en": "{time} {counterparty} refunded {amount} (line {line})",
    },
    "payments.brief.paid": {"zh": "{time} 向 {counterparty} 支付 {amount}", "en": "{time} paid {amount} to {counterparty}"},
    "payments.match.item": {"zh": "{payment}，依据：{reason}", "en": "{payment}; because {reason}"},
    "payments.match.found": {"zh": "匹配到 {count} 笔：{items}", "en": "matched {count}: {items}"},
    "payments.match.ambiguous": {
        "zh": "有 {count} 笔交易都可能是本案的付款，未自动选择：{items}。请在 case.toml 的 order 部分填写订单号 number 后运行 kameng match，或在终端中运行 kameng match 逐笔选择。",
        "en": "{count} transactions could be this case's payment; none was taken: {items}. Put the order number in case.toml (number, in the order section) and run `kameng match`, or run `kameng match` on a terminal to choose one.",
    },
    "payments.match.ambiguous_order": {
        "zh": "这份账单中没有一笔付款带有本案订单号 {order_no}，有 {count} 笔交易都可能是本案的付款，未自动选择：{items}。请在终端中运行 kameng match 选择其中一笔；若订单号填错，先改正 case.toml 中的 number 再运行 kameng match。",
        "en": "no payment in this export carries the case's order number {order_no}, and {count} transactions could be the case's payment; none was taken: {items}. Run `kameng match` on a terminal to choose one; if the order number is wrong, correct number in case.toml first, then run `kameng match`.",
    },
    "payments.match.none": {
        "zh": "没有找到与本案相符的付款（{case}）。最接近的：{items}。核对 case.toml 中的订单号、金额和付款时间后运行 kameng match。",
        "en": "no payment matches this case ({case}). Nearest: {items}. Check the order number, amount and payment time in case.toml, then run `kameng match`.",
    },
    "payments.match.no_case_facts": {
        "zh": "case.toml 中没有订单号或金额，无法判断哪一笔与本案有关，暂未导入任何交易；在 case.toml 的 order 部分填写 number / price / paid_at 后运行 kameng match。",
        "en": "case.toml has no order number or amount, so no transaction could be tied to the case and none was imported; fill in number / price / paid_at in its order section, then run `kameng match`.",
    },
    "payments.note.resaved": {
        "zh": "{count} 行的时间缺少秒或格式为 2024/1/2 13:45：文件很可能被 Excel/WPS 另存过，证明力减弱；建议重新导出原始文件",
        "en": "{count} row(s) have times without seconds or in the 2024/1/2 13:45 form: the file was probably re-saved by Excel/WPS and proves less; export the original again",
    },
    "payments.note.edited": {
        "zh": "文件很可能被 Excel/WPS 打开后另存过：{signs}。金额已按原值读取，但另存过的账单证明力减弱；建议重新导出原始文件",
        "en": "the file was probably opened and re-saved by Excel/WPS: {signs}. The amounts were read as they are, but a re-saved bill proves less; export the original again",
    },
    "payments.resaved.times": {
        "zh": "{count} 行的时间缺少秒或格式为 2024/1/2 13:45",
        "en": "{count} row(s) have times without seconds or in the 2024/1/2 13:45 form",
    },
    "payments.resaved.thousands": {
        "zh": "{count} 行金额带千位分隔符（如“{example}”），原始导出没有",
        "en": "{count} amount(s) carry thousands separators (e.g. “{example}”), which original exports never do",
    },
    "payments.resaved.encoding": {
        "zh": "原为 UTF-8 的导出被转成了 {encoding} 编码",
        "en": "the export, UTF-8 originally, was converted to {encoding}",
    },
    "payments.resaved.tabs": {
        "zh": "交易单号后应有的制表符全部缺失（{count} 行）",
        "en": "the tab an original export puts after every trade number is missing ({count} rows)",
    },
    "payments.note.forced": {
        "zh": "按 --format {name}（{layout}）读取，但文件内容与该格式的特征不符；交易可能读错，请核对，或去掉 --format 让 kameng 自动识别",
        "en": "read as --format {name} ({layout}), but the file's content does not look like that layout; transactions may be misread — check them, or drop --format to let kameng detect the layout",
    },
    "payments.note.forced_other": {
        "zh": "按 --format {name}（{layout}）读取，但文件内容是{other}（{other_name}）；交易可能读错，请去掉 --format 重新添加，或改用 --format {other_name}",
        "en": "read as --format {name} ({layout}), but the file's content is a {other} ({other_name}); transactions may be misread — add it again without --format, or with --format {other_name}",
    },
    "payments.note.unpaid": {
        "zh": "第 {line} 行订单号与本案一致，但交易已关闭且未付款",
        "en": "line {line} has the case's order number, but the trade was closed without payment",
    },
    # refunds
    "payments.refund.found": {"zh": "关联退款 {count} 笔：{items}", "en": "linked {count} refund(s): {items}"},
    "payments.refund.item": {"zh": "{time} 退回 {amount}{partial}（{reason}）", "en": "{time} refunded {amount}{partial} ({reason})"},
    "payments.refund.partial": {"zh": "（部分退款）", "en": " (partial)"},
    "payments.link.trade-no-prefix": {"zh": "退款单号由原交易号派生", "en": "the refund's trade number extends the payment's"},
    "payments.link.merchant-order-no": {"zh": "商家订单号相同", "en": "same merchant order number"},
    "payments.link.transfer-id": {"zh": "退还转账的单号与原转账一致", "en": "the returned transfer carries the original's id"},
    "payments.link.status-column": {"zh": "两行“当前状态”同为退款状态且商户一致", "en": "both rows show the refund status and the same merchant"},
    "payments.link.bank-credit": {"zh": "同一商户的后续入账，金额不超过原付款", "en": "a later credit from the same merchant, not above the payment"},
    "payments.link.refunded-column": {"zh": "原交易行记录的“成功退款”金额", "en": "the refunded sum recorded on the payment row"},
    "payments.event.paid": {"zh": "向 {counterparty} 支付 {amount}", "en": "paid {amount} to {counterparty}"},
    "payments.event.refunded": {"zh": "{counterparty} 退款 {amount}", "en": "refunded {amount} from {counterparty}"},
    "payments.event.refunded_partial": {"zh": "{counterparty} 退款 {amount}（部分退款）", "en": "refunded {amount} (partial) from {counterparty}"},
    # generic bank CSV and --map
    "payments.generic.hint": {
        "zh": "这是一个表格文件，已原样保存。若是银行流水，请用 --map 指定列后重新添加，例如：kameng add 文件 --map 时间=交易日期,金额=支出,对方=交易备注",
        "en": "This is a table; it was kept as-is. If it is a bank statement, add it again naming its columns, e.g. kameng add FILE --map 时间=交易日期,金额=支出,对方=交易备注",
    },
    "payments.map.bad_entry": {
        "zh": "--map 中的“{entry}”无法识别；格式为 键=列名，键可用：{keys}",
        "en": "--map entry “{entry}” is not understood; use KEY=COLUMN with KEY one of: {keys}",
    },
    "payments.map.incomplete": {
        "zh": "--map {given} 至少要指定时间列（时间= 或 日期=）和一个金额列（金额=、支出=、收入= 或 收支金额=）",
        "en": "--map {given} needs a time column (时间= or 日期=) and an amount column (金额=, 支出=, 收入= or 收支金额=)",
    },
    "payments.map.unknown_column": {
        "zh": "表格中没有名为“{column}”的列；实际的列有：{columns}。请按实际列名修改 --map。",
        "en": "the table has no column named “{column}”; its columns are: {columns}. Fix --map to use these names.",
    },
    # kameng match / kameng extract
    "payments.cli.match.no_exhibits": {"zh": "案件中还没有支付账单或银行流水。", "en": "The case holds no payment exports or bank statements yet."},
    "payments.cli.match.done": {"zh": "已重新匹配 {count} 份支付证据，共 {events} 个付款/退款事件", "en": "Re-matched {count} payment exhibit(s): {events} payment/refund event(s)"},
    "payments.cli.extract.done": {"zh": "已写入节选（{rows} 行）：{path}", "en": "Extract written ({rows} row(s)): {path}"},
    "payments.extract.bad_rows": {"zh": "--rows {value!r} 不支持；可选：{known}", "en": "--rows {value!r} is not supported; one of: {known}"},
    "payments.extract.not_payment": {
        "zh": "{id} 不是支付账单或银行流水（读取格式：{parser}），无法节选",
        "en": "{id} is not a payment export or bank statement (read as {parser}); nothing to extract",
    },
    "payments.extract.nothing": {
        "zh": "{id} 中没有与本案匹配的交易行，无法节选；先核对 case.toml 并运行 kameng match",
        "en": "{id} has no rows matched to the case; check case.toml and run `kameng match` first",
    },
    "payments.extract.tampered": {
        "zh": "{id} 的证据副本与登记的 SHA-256 不一致，拒绝节选；运行 kameng verify 查看",
        "en": "the evidence copy of {id} no longer matches its recorded SHA-256; not extracted — run `kameng verify`",
    },
    "payments.extract.exists": {"zh": "{path} 已存在，不会覆盖；换一个文件名", "en": "{path} exists and is never overwritten; choose another name"},
    "payments.extract.unwritable": {"zh": "无法写入 {path}：{detail}", "en": "cannot write {path}: {detail}"},
}
