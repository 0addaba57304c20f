"""Messages for the ocr area (see kameng_cli/i18n.py)."""

MESSAGES: dict[str, dict[str, str]] = {
    # reading screenshots
    "ocr.failed": {"zh": "截图文字识别失败（{detail}），图片已原样保存，可用 kameng rebuild 重试",
                   "en": "text recognition failed ({detail}); the image is kept as-is, retry with kameng rebuild"},
    "ocr.no_text": {"zh": "截图识别：未识别到文字", "en": "OCR: no text found"},
    "ocr.read": {"zh": "截图识别：{lines} 行文字；{found}", "en": "OCR: {lines} lines of text; {found}"},
    "ocr.chat_read": {"zh": "聊天截图：读到 {count} 条消息（右侧为你，左侧为对方），识别出 {signals} 个承诺/推诿/承认/诉求等信号",
                      "en": "Chat screenshot: {count} messages (right: you, left: the other side), {signals} signals "
                            "(promises, deflections, admissions, demands)"},
    "ocr.chat_layout": {"zh": "左右两侧的聊天气泡", "en": "chat bubbles on both sides"},
    "ocr.nothing_found": {"zh": "未发现订单号、金额或状态", "en": "no order number, amount or status found"},
    "ocr.kind_suggested": {
        "zh": "建议类别：{kind}（{slug}），依据：{why}；如不对，用 kameng add --kind 指定",
        "en": "suggested kind: {kind} ({slug}), because of: {why}; give kameng add --kind to choose another",
    },
    "ocr.kind_forced": {
        "zh": "按你指定的类别读取截图：{kind}（{slug}）",
        "en": "screenshot read as the kind you gave: {kind} ({slug})",
    },
    "ocr.fact.order_no": {"zh": "订单号", "en": "order no."},
    "ocr.fact.merchant_order_no": {"zh": "商家订单号", "en": "merchant order no."},
    "ocr.fact.trade_no": {"zh": "交易号", "en": "trade no."},
    "ocr.event.status": {"zh": "截图显示“{status}”（{name}）", "en": "screenshot shows “{status}” ({name})"},
    "ocr.event.ordered": {"zh": "截图显示的下单时间（{name}）", "en": "order time shown in a screenshot ({name})"},
    "ocr.event.paid": {"zh": "截图显示付款成功 {amount}（{name}）", "en": "screenshot shows a payment of {amount} ({name})"},
    # cross-checks (codes in docs/ocr.md)
    "ocr.note.order_mismatch": {
        "zh": "截图中的订单号 {seen} 与 case.toml 中的 {stated} 不一致：核对是否截错了订单，或改正 case.toml",
        "en": "the order number in the screenshot, {seen}, differs from {stated} in case.toml: check the screenshot is of this order, or correct case.toml",
    },
    "ocr.note.clock_before_payment": {
        "zh": "截图状态栏时钟 {clock} 早于页面上的付款时间 {paid}：截图不可能在付款前截取，请重新截一张原始截图",
        "en": "the screenshot's clock, {clock}, is earlier than the payment time it shows, {paid}: take a fresh, unedited screenshot",
    },
    "ocr.note.amount_mismatch": {
        "zh": "付款截图金额 {seen} 与账单 {row} 中同一笔付款的 {export} 不一致",
        "en": "the payment screenshot shows {seen}, but the same payment in {row} is {export}",
    },
    # doctor
    "ocr.doctor.adds": {
        "zh": "  可读出：订单号、交易号、金额（¥/元）、状态栏时钟和页面时间、“处理中/该卡密已被使用/退款成功”等状态；聊天截图中的每条消息及其中的承诺、推诿、诉求；自动建议证据类别；截图中的身份证号、手机号、银行卡号、地址、卡密自动打码",
        "en": "  reads: order and trade numbers, amounts (¥/元), the status-bar clock and page times, statuses such as 处理中 / 该卡密已被使用 / 退款成功; every message of a chat screenshot with its promises, deflections and demands; suggests the exhibit kind; blacks out ID, phone and bank-card numbers, addresses and card secrets in screenshots",
    },
    "ocr.doctor.engine": {"zh": "  引擎：{engine}；模型随安装包提供，完全离线运行", "en": "  engine: {engine}; models ship with the package, runs fully offline"},
    "ocr.doctor.models_missing": {
        "zh": "  安装包中缺少模型文件：{files}。请重新安装：pip install --force-reinstall \"kameng[ocr]\"",
        "en": "  model files missing from the package: {files}. Reinstall: pip install --force-reinstall \"kameng[ocr]\"",
    },
    "ocr.doctor.disabled": {"zh": "  已被环境变量 KAMENG_OCR=0 关闭", "en": "  turned off by KAMENG_OCR=0"},
    "ocr.doctor.rebuild": {
        "zh": "  安装前已加入的截图，运行 kameng rebuild 即可补做识别",
        "en": "  screenshots added before installing it are read by kameng rebuild",
    },
    # redaction
    "redact.not_image": {
        "zh": "{id} 不是图片（{media_type}），只能对截图和照片打码",
        "en": "{id} is not an image ({media_type}); only screenshots and photos can be redacted",
    },
    "redact.bad_box": {
        "zh": "--box {value} 无效：应为 x,y,w,h 四个非负整数（像素，宽高大于 0），例如 --box 40,300,600,80",
        "en": "--box {value} is invalid: give x,y,w,h as four non-negative whole numbers (pixels, width and height above 0), e.g. --box 40,300,600,80",
    },
    "redact.box_clipped": {
        "zh": "--box {value} 有一部分超出图片（{width}×{height} 像素），只遮盖图片内的部分；请用 --preview 核对位置。",
        "en": "--box {value} reaches past the image ({width}×{height} pixels); only the part inside is covered. Check it with --preview.",
    },
    "redact.box_outside": {
        "zh": "--box {value} 完全在图片之外（图片为 {width}×{height} 像素）",
        "en": "--box {value} lies outside the image ({width}×{height} pixels)",
    },
    "redact.unreadable": {
        "zh": "{id} 的图片无法解码（{detail}），无法生成打码副本",
        "en": "the image of {id} cannot be decoded ({detail}); no redacted copy can be made",
    },
    "redact.written": {"zh": "打码副本：{path}", "en": "redacted copy: {path}"},
    "redact.preview_written": {"zh": "预览图：{path}（红框为打码区域，编号见下表）", "en": "preview: {path} (red frames mark the redacted areas, numbered as below)"},
    "redact.boxes_saved": {"zh": "已保存 {count} 个手动打码区域", "en": "{count} manual boxes saved"},
    "redact.boxes_cleared": {"zh": "已清除 {id} 的手动打码区域", "en": "manual boxes of {id} cleared"},
    "redact.no_ocr": {
        "zh": "未安装文字识别（OCR），只应用了手动打码区域；安装：pip install \"kameng[ocr]\"，或用 --box 手动添加",
        "en": "OCR is not installed, only manual boxes were applied; install it with pip install \"kameng[ocr]\" or add boxes with --box",
    },
    "redact.none": {"zh": "没有需要打码的区域", "en": "nothing to redact"},
    "redact.reason.id-number": {"zh": "身份证号", "en": "ID number"},
    "redact.reason.phone": {"zh": "手机号", "en": "phone number"},
    "redact.reason.bank-card": {"zh": "银行卡号", "en": "bank card"},
    "redact.reason.address": {"zh": "地址", "en": "address"},
    "redact.reason.card-secret": {"zh": "卡密", "en": "card secret"},
    "redact.reason.name": {"zh": "姓名", "en": "name"},
    "redact.reason.manual": {"zh": "手动", "en": "manual"},
}
