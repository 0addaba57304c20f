"""Messages for the check area (see kameng_cli/i18n.py): chain links, the rule catalog (rule.KMxxx.*),
findings, who to complain to, channel readiness, and the `check` / `rules` / `explain` commands.
Ids in square brackets ([TSJB-16]) are article ids of law.json / law.md."""

_LINKS: dict[str, dict[str, str]] = {
    # ---- chain links: label, why it matters when missing, what to capture -----------------------
    "check.link.ordered": {"zh": "下单", "en": "ordered"},
    "check.link.ordered.why": {
        "zh": "没有订单记录，平台和 12315 无法定位是哪一笔交易，投诉常以“无法核实订单”退回。",
        "en": "Without an order record the platform or 12315 cannot find the transaction; complaints come back as \"order cannot be verified\".",
    },
    "check.link.ordered.fix": {
        "zh": "在卡盟网站/App 的“我的订单”打开这笔订单的详情页截图，需同时显示订单号、商品名称、金额和下单时间；用手机自带截屏，不要编辑。",
        "en": "Open the order's detail page under \"My orders\" on the site/app and screenshot it so that the order number, goods, amount and order time are all visible; use the phone's own screenshot, unedited.",
    },
    "check.link.paid": {"zh": "付款", "en": "paid"},
    "check.link.paid.why": {
        "zh": "不能证明钱付给了对方，商家可以否认交易存在，这是“证据不足”最常见的原因。",
        "en": "Without proof that the money went to them the merchant can deny the sale; it is the most common reason for \"insufficient evidence\".",
    },
    "check.link.paid.fix": {
        "zh": "导出账单：支付宝“我的—账单—…—开具交易流水证明/导出账单”，微信“我—服务—钱包—账单—常见问题—下载账单”，银行 App 的交易明细；或账单详情页截图，需显示金额、收款方全称、交易单号和付款时间。用 kameng add 加入。",
        "en": "Export the bill: Alipay \"Me – Bills – … – export\", WeChat \"Me – Services – Wallet – Bills – FAQ – Download bills\", or the bank app's statement; or screenshot the bill detail showing the amount, the payee's full name, the trade number and the time. Add it with kameng add.",
    },
    "check.link.not-delivered": {"zh": "未交付", "en": "not delivered"},
    "check.link.not-delivered.why": {
        "zh": "“没到账”若只是你的说法，商家会回答“已经发货/系统显示成功”，投诉便无从核实。",
        "en": "If \"never arrived\" is only your word the merchant answers \"it was delivered\", and the complaint cannot be verified.",
    },
    "check.link.not-delivered.fix": {
        "zh": "订单详情页截图，需同时显示订单号、状态“处理中/待发货/充值失败”和下单时间；隔几小时再截一次，显示状态一直未变；直充类再截游戏/账户内的充值记录页，显示该时段没有到账。",
        "en": "Screenshot the order detail page showing the order number, the status \"处理中/待发货/充值失败\" and the order time; take another a few hours later to show it never changed; for direct top-ups also screenshot the game/account recharge history showing nothing arrived.",
    },
    "check.link.card-delivered": {"zh": "收到卡密", "en": "code delivered"},
    "check.link.card-delivered.why": {
        "zh": "要证明卡密无效，先要证明这张卡密就是商家发给你的，否则商家会说“你用的不是我们的卡”。",
        "en": "To show a code was invalid you must first show it is the one the merchant sent, or they will say \"that is not our code\".",
    },
    "check.link.card-delivered.fix": {
        "zh": "截图订单详情或“提取卡密”页面，需同时显示订单号、卡号/卡密（可部分打码）和发货时间；如卡密是聊天里发的，保留该条消息。",
        "en": "Screenshot the order detail or \"get code\" page showing the order number, the card number/code (partly masked is fine) and the delivery time; if it came in a chat, keep that message.",
    },
    "check.link.delivery-failed": {"zh": "卡密无效", "en": "code failed"},
    "check.link.delivery-failed.why": {
        "zh": "没有兑换失败的原始提示，商家会主张是你自己用掉了或输错了卡密。",
        "en": "Without the original error the merchant will say you used the code yourself or typed it wrong.",
    },
    "check.link.delivery-failed.fix": {
        "zh": "在游戏/官方充值页兑换时截图（最好录屏），需同时显示输入的卡号、错误提示“该卡密已被使用/卡密无效”和手机状态栏时间；兑换前后各截一次账户余额。",
        "en": "Screenshot (better: screen-record) the redemption on the game's/issuer's page showing the card number entered, the error \"已被使用/卡密无效\" and the phone's clock; capture the balance before and after.",
    },
    "check.link.promised": {"zh": "商品承诺", "en": "what was promised"},
    "check.link.promised.why": {
        "zh": "没有商品页或承诺的原文，“与描述不符/延迟”就没有比较的标准，商家可以改口说从未承诺。",
        "en": "Without the listing or the promise in their words there is nothing to compare against; the merchant can say it never promised that.",
    },
    "check.link.promised.fix": {
        "zh": "截图商品页，需显示商品名称、面值/区服/时长、价格和发货时限（如“秒到账”“5分钟内发货”）以及网址或店铺名；商品页已改或下架时，截图聊天中商家的承诺原话。",
        "en": "Screenshot the listing showing the goods, face value/region/duration, price and delivery promise (\"秒到账\", \"within 5 minutes\") with the address or shop name; if it changed or is gone, screenshot the merchant's promise in the chat.",
    },
    "check.link.received-differs": {"zh": "到货不符", "en": "received differs"},
    "check.link.received-differs.why": {
        "zh": "只说“不符”不够，必须能把实际到账内容和商品页逐项对比，否则平台只会认定为“理解偏差”。",
        "en": "Saying \"not as described\" is not enough: what arrived must be comparable item by item with the listing, or the platform calls it a misunderstanding.",
    },
    "check.link.received-differs.fix": {
        "zh": "截图实际到账内容（账户余额变动、到账面值、区服或会员时长），需显示到账时间和与商品页不同的那一项；与商品页截图放在一起。",
        "en": "Screenshot what actually arrived (balance change, face value, region or membership length) showing the time and the item that differs from the listing; keep it with the listing screenshot.",
    },
    "check.link.delivered-late": {"zh": "迟延交付", "en": "delivered late"},
    "check.link.delivered-late.why": {
        "zh": "延迟要由“承诺时限”和“实际到账时间”两头证明，缺一头商家就会说“在正常处理时间内”。",
        "en": "A delay is proven by the promised time and the actual delivery time; without either the merchant says it was \"within normal processing\".",
    },
    "check.link.delivered-late.fix": {
        "zh": "截图到账记录（到账通知、账户流水或订单“已完成”时间），需显示实际到账时间；同时保留承诺时限的原话或商品页。",
        "en": "Screenshot the delivery record (arrival notice, account history or the order's completion time) showing the actual time; keep the promised time in their words or the listing.",
    },
    "check.link.contacted": {"zh": "已联系", "en": "contacted"},
    "check.link.contacted.why": {
        "zh": "12315 和平台都会先问“是否已与商家协商”；没有协商记录的投诉常被要求先自行协商。",
        "en": "12315 and platforms first ask whether you tried the merchant; complaints without that record are sent back to negotiate first.",
    },
    "check.link.contacted.fix": {
        "zh": "导出与商家/客服的完整聊天记录（QQ 消息管理器导出 txt，微信用留痕/MemoTrace 导出，店铺客服页完整截图），需从付款前后开始、包含你提出问题和要求的消息及时间；加入后 kameng 会读出消息。",
        "en": "Export the whole chat with the merchant/support (QQ message manager txt, WeChat via MemoTrace, or full screenshots of the shop's support page) from around the payment on, including your messages stating the problem and the demand, with times.",
    },
    "check.link.unresolved": {"zh": "未解决", "en": "unresolved"},
    "check.link.unresolved.why": {
        "zh": "如果看不出商家拒绝、推诿或不回复，对方会说“正在处理”，投诉机构会建议你继续等待。",
        "en": "If no refusal, stalling or silence is visible the merchant says \"we are handling it\" and the complaint body tells you to wait.",
    },
    "check.link.unresolved.fix": {
        "zh": "在聊天中用一句话明确提出要求和期限（如“请在24小时内退款¥100.00”），保留对方的拒绝、推诿原话或超时不回复的记录，再导出聊天记录。",
        "en": "State your demand and a deadline in the chat in one sentence (\"please refund ¥100.00 within 24 hours\"), keep their refusal, stalling or the unanswered wait, then export the chat again.",
    },
    "check.link.settled.why": {
        "zh": "时间线显示对方已于 {time} 交付或全额退款，此后没有新的拒绝、推诿或不回复：争议看起来已经解决，投诉机构会据此结案。",
        "en": "The timeline shows a delivery or a full refund at {time} and no refusal, stalling or silence after it: the dispute looks settled, and a complaint body will close it on that.",
    },
    "check.link.settled.fix": {
        "zh": "如确已解决，不必再投诉；如问题仍在（补发的卡密也不能用、只退了一部分、到账的不是所购商品），在聊天中写明问题和要求（如“请在24小时内退款¥100.00”），保留对方之后的拒绝或不回复，再导出聊天记录。",
        "en": "If it is settled there is nothing to complain about; if the problem remains (the new card fails too, only part came back, the wrong goods arrived), state the problem and your demand in the chat (\"please refund ¥100.00 within 24 hours\"), keep their later refusal or silence, then export the chat again.",
    },
    "check.link.unreachable": {"zh": "联系不上", "en": "unreachable"},
    "check.link.unreachable.why": {
        "zh": "“跑路”必须看得见：没有被拉黑、不回复或店铺关闭的记录，平台只会当成普通延迟处理，也够不上报警。",
        "en": "\"Vanished\" must be visible: without being blocked, unanswered or a closed shop the platform treats it as an ordinary delay, and it is no basis for the police.",
    },
    "check.link.unreachable.fix": {
        "zh": "截图“消息已发出但被对方拒收/你已被拉黑/对方不是你的好友”提示、连续多天无人回复的聊天页（显示日期），以及店铺“已关闭/不存在”页面（显示网址和时间）。",
        "en": "Screenshot the \"message rejected / you are blocked / not friends\" notice, the chat showing days of unanswered messages with dates, and the shop's \"closed / not found\" page with its address and the time.",
    },
    "check.link.reported-to-platform": {"zh": "已向平台反映", "en": "reported to the platform"},
    "check.link.reported-to-platform.why": {
        "zh": "平台责任（先行赔付、提供商家信息、连带责任）以平台知道问题为前提，没有向平台投诉的记录就无法追究平台。",
        "en": "The platform's duties (compensation, disclosing the merchant, joint liability) start when it knew; without a record of telling it you cannot hold it to them.",
    },
    "check.link.reported-to-platform.fix": {
        "zh": "在平台“投诉/申请售后/纠纷”入口提交（或给平台客服留言），截图提交成功页，需显示工单号、提交时间和内容；然后 kameng submit platform 记录。",
        "en": "File through the platform's complaint/after-sales/dispute entry (or message its support) and screenshot the confirmation with ticket number, time and content; then record it with kameng submit platform.",
    },
    "check.link.problem-shown": {"zh": "问题可见", "en": "problem shown"},
    "check.link.problem-shown.why": {
        "zh": "售后纠纷里，对方常先否认问题存在；没有问题本身的证据，拒绝退款就显得有理。",
        "en": "In after-sales disputes the other side first denies the problem; without evidence of it a refusal looks justified.",
    },
    "check.link.problem-shown.fix": {
        "zh": "截图问题本身：订单状态“处理中/充值失败”、兑换报错“卡密无效/已被使用”或到账内容与商品页不符之处，需显示订单号或卡号以及时间。",
        "en": "Screenshot the problem itself: the order stuck at 处理中/充值失败, the redemption error, or what differs from the listing, showing the order or card number and the time.",
    },
    "check.link.demanded": {"zh": "已提出要求", "en": "demand made"},
    "check.link.demanded.why": {
        "zh": "没有明确提出退款/补发要求，就谈不上“拒绝”；书面要求送达对方还会中断诉讼时效 [SXGD-8]。",
        "en": "Without a clear demand for a refund/redelivery there is nothing to refuse; a written demand that reaches them also interrupts the limitation period [SXGD-8].",
    },
    "check.link.demanded.fix": {
        "zh": "在聊天或平台售后中写明：订单号、问题、要求（如“全额退款¥100.00”，写明你付的金额；或补发）和期限；截图或导出这条消息，显示发送时间和对方已收到（已读）。",
        "en": "Write in the chat or the platform's after-sales form: order number, problem, demand (e.g. \"full refund of ¥100.00\" with the amount you paid, or redelivery) and a deadline; keep that message with its time and read status.",
    },
    "check.link.refused": {"zh": "被拒绝/推诿", "en": "refused / stalled"},
    "check.link.refused.why": {
        "zh": "看不到拒绝或推诿的原话，投诉机构会认为商家仍在正常处理。",
        "en": "Without the refusal or stalling in their words the complaint body assumes the merchant is still handling it.",
    },
    "check.link.refused.fix": {
        "zh": "保留对方“不予退款”“虚拟商品不退不换”“已反馈上级请等待”等原话的聊天记录或售后处理结果页截图，需显示时间和处理人。",
        "en": "Keep the chat or the after-sales result page with their words (\"no refund\", \"virtual goods are final\", \"escalated, please wait\"), showing the time and who answered.",
    },
    "check.link.unauthorized-charges": {"zh": "被盗刷记录", "en": "unauthorized charges"},
    "check.link.unauthorized-charges.why": {
        "zh": "不能逐笔指出哪些消费不是你本人所为，平台会认定是本人操作。",
        "en": "Unless each charge you did not make is identified, the platform will treat them as your own.",
    },
    "check.link.unauthorized-charges.fix": {
        "zh": "导出该时段的支付宝/微信/银行账单，并截图平台账户的消费记录与登录记录（显示时间、设备、IP 或地区），逐笔标出不是你本人的消费。",
        "en": "Export the Alipay/WeChat/bank bills for the period and screenshot the platform account's spending and login history (time, device, IP or region); mark each charge you did not make.",
    },
    "check.link.platform-refused": {"zh": "平台拒绝处理", "en": "platform refused"},
    "check.link.platform-refused.why": {
        "zh": "升级到 12315 或法院前，需要证明平台已被告知却拒绝或拖延处理。",
        "en": "Before escalating to 12315 or a court you must show the platform was told and refused or stalled.",
    },
    "check.link.platform-refused.fix": {
        "zh": "截图平台对你投诉的答复（“无法处理/不予赔付/请自行报警”）或超过其规则时限仍未答复的工单页，显示工单号和日期；用 kameng reply platform 记录。",
        "en": "Screenshot the platform's answer to your complaint (\"cannot help\", \"no compensation\", \"call the police\") or the ticket still unanswered past its own deadline, with ticket number and dates; record it with kameng reply platform.",
    },
    "check.link.incident-shown": {"zh": "事件证据", "en": "incident shown"},
    "check.link.incident-shown.why": {
        "zh": "没有事件本身的证据（泄露的信息、非法商品页），投诉只是一个说法，平台无从核查。",
        "en": "Without evidence of the incident itself (the leaked data, the illicit listing) the complaint is only a claim the platform cannot check.",
    },
    "check.link.incident-shown.fix": {
        "zh": "截图能证明事件的页面：非法卡密的商品页（显示网址、店铺和时间），或泄露信息被使用的证据（诈骗短信/电话记录中出现的订单信息），需能看出与该平台的关联。",
        "en": "Screenshot what proves it: the illicit listing (address, shop, time), or the leaked data being used (scam texts/calls quoting your order details), so that the link to the platform is visible.",
    },
    "check.link.incident-shown.fix.illegal-goods": {
        "zh": "截图非法卡密的商品页和店铺页，需显示网址、店铺名、商品描述（如“黑卡”“来路不明”“低价折扣卡”）和截图时间；必要时录屏翻页过程。",
        "en": "Screenshot the listing and shop page of the illicit codes, showing the address, shop name, description (\"黑卡\", suspiciously cheap) and the capture time; screen-record browsing if needed.",
    },
}

_WEAK: dict[str, dict[str, str]] = {
    # ---- why a link is only weak (one sentence), and what to add to the link's own fix ----------
    "check.weak.out-of-order": {
        "zh": "“{link}”的证据时间早于它应当跟随的环节，时间顺序不通，对方会据此质疑整条证据链。",
        "en": "The evidence for \"{link}\" is dated before the step it must follow; a timeline that does not add up lets the other side attack the whole chain.",
    },
    "check.weak.out-of-order.fix": {
        "zh": "核对截图与账单的时间和订单号是否属于同一笔交易；如手机时间不准，请在备注中说明。",
        "en": " Check that the screenshots and the bill are the same transaction; if the phone's clock was wrong, say so in a note.",
    },
    "check.weak.edited": {
        "zh": "“{link}”只有经过图片编辑软件处理的截图，对方可以质疑“后期处理”，这样的截图不能单独作为证据。",
        "en": "\"{link}\" rests only on screenshots saved by an image editor; the other side can claim they were doctored, so they cannot stand alone.",
    },
    "check.weak.edited.fix": {
        "zh": "改交手机相册里未经处理的原始截图（{exhibit} 的原图）。",
        "en": " Submit the unedited original from the phone's album (the original of {exhibit}).",
    },
    "check.weak.low-confidence": {
        "zh": "“{link}”只有一条低可信度的匹配（账单行与订单不是按订单号对上的），对方可以说那是另一笔交易。",
        "en": "\"{link}\" rests on a low-confidence match (the bill row was not matched by order number); the other side can say it is another transaction.",
    },
    "check.weak.low-confidence.fix": {
        "zh": "在 case.toml 中填准订单号、金额和付款时间后运行 kameng match；或截图账单详情页，显示商户订单号。",
        "en": " Fill in the exact order number, amount and payment time in case.toml and run kameng match; or screenshot the bill detail showing the merchant order number.",
    },
    "check.weak.roles-guessed": {
        "zh": "“{link}”的证据来自一份聊天记录，但 case.toml 的 my_names 没有写你的昵称，kameng 只能猜哪一方是你，由此读出的承诺、推诿和诉求可信度低，对方可以说说话人被弄反了。",
        "en": "The evidence for \"{link}\" comes from a chat in which kameng had to guess which speaker is you (my_names in case.toml is empty), so the promises, stalling and demands read from it are low-confidence; the other side can say the speakers were mixed up.",
    },
    "check.weak.roles-guessed.fix": {
        "zh": "在 case.toml 的 my_names 中写上你在聊天里的昵称（kameng 在 {exhibit} 中猜测“{me}”是你），然后运行 kameng rebuild。",
        "en": " Put your nickname in the chat into my_names in case.toml (in {exhibit} kameng guessed \"{me}\" is you), then run kameng rebuild.",
    },
    "check.weak.uncertain-reading": {
        "zh": "“{link}”只有 kameng 没有把握的识别结果（例如截图文字识别的可信度低），对方可以质疑记录的内容。",
        "en": "\"{link}\" rests only on readings kameng is not sure of (e.g. text recognised from a screenshot with low confidence); the other side can dispute what it says.",
    },
    "check.weak.uncertain-reading.fix": {
        "zh": "核对 {exhibit} 的原图，用 kameng event add --exhibit {exhibit} --kind 事件类型 记下它确实显示的内容；或补充更清晰的截图或导出记录。",
        "en": " Check the original of {exhibit} and record what it really shows with kameng event add --exhibit {exhibit} --kind KIND; or add a sharper screenshot or an export.",
    },
    "check.weak.time-unknown": {
        "zh": "“{link}”的记录没有时间（例如从电脑版微信复制的聊天），无法证明它发生在付款之后、投诉之前。",
        "en": "The records for \"{link}\" carry no time (e.g. a chat copied from WeChat for Windows), so nothing shows they came after the payment and before the complaint.",
    },
    "check.weak.time-unknown.fix": {
        "zh": "改用带时间的导出方式（QQ 消息管理器、留痕/MemoTrace），或截图聊天页让时间显示出来。",
        "en": " Export with times instead (QQ message manager, MemoTrace), or screenshot the chat so the times show.",
    },
    "check.weak.no-capture-time": {
        "zh": "“{link}”只有没有可信拍摄时间的截图或文件（没有 EXIF 时间，只有复制时会改变的文件时间），对方可以说无法确定它何时、对哪笔订单截取。",
        "en": "\"{link}\" rests only on screenshots or files without a trustworthy capture time (no EXIF time, only a file time that changes on copying); the other side can say nobody knows when or for which order it was taken.",
    },
    "check.weak.no-capture-time.fix": {
        "zh": "从手机相册导出原图（不要经微信/QQ 发送，它们会删除 EXIF），或重新截图让手机状态栏时间可见。",
        "en": " Export the original from the phone's album (not sent through WeChat/QQ, which strip EXIF), or take the screenshot again with the status-bar clock visible.",
    },
    "check.weak.stated-time": {
        "zh": "“{link}”的证据时间只是你自己填写的，不是文件或系统记录的时间。",
        "en": "The time of the evidence for \"{link}\" is only what you entered, not a time recorded by a device or system.",
    },
    "check.weak.stated-time.fix": {
        "zh": "补充带系统时间的原图或导出记录。",
        "en": " Add the original image or an export that carries the system's time.",
    },
    "check.weak.content-unread": {
        "zh": "“{link}”只有 kameng 读不出内容的材料（未安装 OCR 的截图或无法识别格式的文本），看不出它是否真的显示了问题。",
        "en": "\"{link}\" rests on material kameng cannot read (a screenshot without the OCR extra, or text in an unknown layout), so nothing shows it really shows the problem.",
    },
    "check.weak.content-unread.fix": {
        "zh": "安装 OCR（pip install \"kameng[ocr]\"）后运行 kameng rebuild；或用 kameng event add --exhibit {exhibit} --kind 事件类型 记下它显示的内容。",
        "en": " Install OCR (pip install \"kameng[ocr]\") and run kameng rebuild; or note what it shows with kameng event add --exhibit {exhibit} --kind KIND.",
    },
    "check.weak.export-no-match": {
        "zh": "账单已导入，但其中没有与本订单匹配的付款行，这份账单本身证明不了付款。",
        "en": "A bill was added but none of its rows matches this order, so it does not prove the payment.",
    },
    "check.weak.export-no-match.fix": {
        "zh": "核对 case.toml 的金额、付款时间和商家名称后运行 kameng match；或导出包含付款当天的账单。",
        "en": " Check the amount, payment time and merchant in case.toml and run kameng match; or export a bill covering the payment day.",
    },
    "check.weak.no-deadline": {
        "zh": "有到账记录，但找不到承诺时限，无法证明“迟延”。",
        "en": "There is a delivery record but no promised time, so the delay cannot be shown.",
    },
    "check.weak.no-deadline.fix": {
        "zh": "补充商品页“X 分钟内到账”或聊天中承诺时限的原话。",
        "en": " Add the listing's \"arrives within X minutes\" or the promised time in the chat.",
    },
    "check.weak.manual-only": {
        "zh": "“{link}”只有你手动记录的事件，没有文件佐证；投诉机构不会把自述当作证据。",
        "en": "\"{link}\" rests only on events you entered by hand with no file behind them; complaint bodies do not take your own account as evidence.",
    },
    "check.weak.manual-only.fix": {
        "zh": "为它补一份文件（截图、通话记录截图、邮件），并用 kameng event add --exhibit 关联。",
        "en": " Back it with a file (screenshot, call-log screenshot, email) and link it with kameng event add --exhibit.",
    },
    "check.weak.statement-only": {
        "zh": "“{link}”只有你在 case.toml 中的陈述，没有任何材料，对方一句否认即可推翻。",
        "en": "\"{link}\" rests only on your statement in case.toml; one denial from the other side undoes it.",
    },
}

_RULES: dict[str, dict[str, str]] = {
    # ---- the rule catalog -------------------------------------------------------------------------
    "rule.KM101.title": {"zh": "证据链缺少环节", "en": "Evidence chain link missing"},
    "rule.KM101.rationale": {
        "zh": "投诉被驳回最常见的理由是“证据不足”：链条“时间—事件—结果”中任何一环没有材料，对方只需否认这一环。",
        "en": "The commonest reason complaints fail is \"insufficient evidence\": if any link of time–event–result has nothing behind it, the other side only has to deny that link.",
    },
    "rule.KM101.fix": {
        "zh": "按该环节的提示补充材料（截什么、在 App 哪里、画面上必须能看到什么），用 kameng add 加入后重新运行 kameng check。",
        "en": "Capture what the link's fix says (what, where in the app, what must be visible), add it with kameng add and run kameng check again.",
    },
    "rule.KM102.title": {"zh": "证据链环节薄弱", "en": "Evidence chain link weak"},
    "rule.KM102.rationale": {
        "zh": "没有可信时间的截图、只有自己手动记录或陈述的事实，容易被质疑时间、来源或真实性 [ZJGD-93]。",
        "en": "Screenshots without a trustworthy time, and facts only you recorded or stated, are easy to challenge on time, origin or authenticity [ZJGD-93].",
    },
    "rule.KM102.fix": {
        "zh": "补充更强的证据：账单导出代替截图、原图代替转发图、带时间的聊天导出代替复制文本。",
        "en": "Add stronger evidence: a bill export instead of a screenshot, the original image instead of a forwarded one, a timed chat export instead of copied text.",
    },
    "rule.KM103.title": {"zh": "证据时间顺序不通", "en": "Evidence out of time order"},
    "rule.KM103.rationale": {
        "zh": "问题应发生在付款之后、联系商家应在问题之后；顺序颠倒的证据会被认为属于另一笔交易或被改过时间。",
        "en": "The problem comes after the payment and the contact after the problem; evidence in the wrong order looks like another transaction or a changed clock.",
    },
    "rule.KM103.fix": {
        "zh": "核对列出的证据是否属于本订单（订单号、金额）、手机时间是否正确；不属于本案的证据不要提交。",
        "en": "Check that the listed evidence belongs to this order (number, amount) and that the phone's clock was right; leave out evidence from other transactions.",
    },
    "rule.KM104.title": {"zh": "时间线与问题类型矛盾", "en": "Timeline contradicts the problem type"},
    "rule.KM104.rationale": {
        "zh": "主张“未到账”而材料里有发货/到账记录，对方会拿这条记录否定整个投诉。",
        "en": "Claiming \"never delivered\" while the evidence holds a delivery record lets the other side dismiss the whole complaint with it.",
    },
    "rule.KM104.fix": {
        "zh": "查看列出的交付记录：如确已到账但有问题，改用 card-invalid 或 not-as-described 问题类型；如是误识别，用截图证明实际未到账。",
        "en": "Look at the listed delivery records: if something did arrive but was wrong, use the card-invalid or not-as-described problem type; if misread, show with a screenshot that nothing arrived.",
    },
    "rule.KM201.title": {"zh": "金额不一致", "en": "Amounts disagree"},
    "rule.KM201.rationale": {
        "zh": "付款记录、订单页和你主张的金额不一致，诉求金额就站不住，对方会质疑整份材料的真实性。",
        "en": "If the payment record, the order page and your stated price disagree, the amount claimed cannot stand and the whole file's reliability is questioned.",
    },
    "rule.KM201.fix": {
        "zh": "以付款记录为准修改 case.toml 的 order.price；若确有多笔付款或优惠，在陈述中说明并补充对应截图。",
        "en": "Correct order.price in case.toml to the payment record; if there were several payments or discounts, explain them and add the screenshots.",
    },
    "rule.KM202.title": {"zh": "订单号不一致", "en": "Order numbers disagree"},
    "rule.KM202.rationale": {
        "zh": "各份证据上的订单号必须是同一个，否则平台无法确认它们说的是同一笔交易。",
        "en": "Every exhibit must carry the same order number, or the platform cannot tell they concern one transaction.",
    },
    "rule.KM202.fix": {
        "zh": "核对 case.toml 的 order.number；如付款记录上的“商户订单号”与平台订单号不同，截图订单详情页同时显示两者。",
        "en": "Check order.number in case.toml; if the bill's merchant order number differs from the platform's order number, screenshot the order page showing both.",
    },
    "rule.KM203.title": {"zh": "收款方对不上", "en": "Payee does not match"},
    "rule.KM203.rationale": {
        "zh": "收款方既不是商家也不是平台时，对方可以否认收过钱；付给个人账户还可能是诱导私下交易，平台担保可能不适用。",
        "en": "When the payee is neither the merchant nor the platform they can deny receiving the money; a payment to a person may be an off-platform deal the platform does not cover.",
    },
    "rule.KM203.fix": {
        "zh": "截图账单详情页显示“收款方全称”；在 case.toml 填写平台运营公司（platform.company）或商家名称，使其与收款方一致。",
        "en": "Screenshot the bill detail showing the payee's full name; fill in the operator company (platform.company) or merchant name in case.toml so it matches.",
    },
    "rule.KM204.title": {"zh": "已收到退款", "en": "Refunds already received"},
    "rule.KM204.rationale": {
        "zh": "已退的钱必须从诉求中扣除；隐瞒已收退款的诉求会被认定为不实，甚至被视为骗赔 [TSJB-42]。",
        "en": "Money already refunded must come off the claim; a claim hiding a refund is untrue and may be treated as a fraudulent claim [TSJB-42].",
    },
    "rule.KM204.fix": {
        "zh": "把诉求金额改为“已付 − 已退”；全额退款后只可主张其他损失或第五十五条的增加赔偿（如构成欺诈）。",
        "en": "Claim \"paid − refunded\"; after a full refund claim only other losses or the 第五十五条 increase (if it was fraud).",
    },
    "rule.KM205.title": {"zh": "截图经图片编辑软件处理", "en": "Screenshot passed through an image editor"},
    "rule.KM205.rationale": {
        "zh": "EXIF 中的软件标记显示图片被编辑软件保存过，对方可以质疑“后期处理”，电子证据的真实性会被审查 [ZJGD-93]。",
        "en": "The EXIF Software tag shows an image editor saved it; the other side can claim it was doctored, and authenticity will be examined [ZJGD-93].",
    },
    "rule.KM205.fix": {
        "zh": "改交手机相册里的原始截图；如只是裁剪或打码，同时保留未处理的原图并说明处理内容。",
        "en": "Submit the original screenshot from the phone's album instead; if you only cropped or masked it, keep the unedited original and say what was done.",
    },
    "rule.KM206.title": {"zh": "截图没有拍摄时间", "en": "Screenshots without a capture time"},
    "rule.KM206.rationale": {
        "zh": "没有 EXIF 时间的截图只能靠文件时间或画面内容确定时间，文件时间在复制、转发时会变，容易被质疑。",
        "en": "A screenshot without an EXIF time is dated only by its file time or its content; file times change on copying and forwarding and are easy to challenge.",
    },
    "rule.KM206.fix": {
        "zh": "从手机相册导出原图（不要经微信/QQ 转发）；或重新截图，确保状态栏时间和页面时间可见。",
        "en": "Export originals from the phone's album (not forwarded through WeChat/QQ); or take them again with the status-bar clock and the page's times visible.",
    },
    "rule.KM207.title": {"zh": "聊天记录可能不完整", "en": "Chat log may be incomplete"},
    "rule.KM207.rationale": {
        "zh": "开头缺失、中间断档、撤回或导出工具丢失内容的聊天记录，可能被质疑选择性呈现证据。",
        "en": "A chat log with a missing start, gaps, recalls or exporter losses may be challenged as selectively presented.",
    },
    "rule.KM207.fix": {
        "zh": "重新导出完整记录（从下单前后开始），换用不丢内容的导出工具；缺失部分用截图补齐并说明原因。",
        "en": "Export the whole log again (from around the order on) with an exporter that loses nothing; fill gaps with screenshots and explain them.",
    },
    "rule.KM208.title": {"zh": "截图时钟早于付款", "en": "Screenshot clock before the payment"},
    "rule.KM208.rationale": {
        "zh": "截图上手机时钟显示的时间早于它所显示的付款，这在现实中不可能，会被当作改过时间或拼接的证据。",
        "en": "The phone clock in the screenshot is earlier than the payment it shows, which cannot happen; it will be read as a changed clock or a composite.",
    },
    "rule.KM208.fix": {
        "zh": "核对该截图是否属于本订单；如手机时间设置有误，说明原因并以账单导出为准。",
        "en": "Check the screenshot belongs to this order; if the phone's clock was set wrong, explain it and rely on the bill export.",
    },
    "rule.KM209.title": {"zh": "部分记录未能识别", "en": "Some records were not understood"},
    "rule.KM209.rationale": {
        "zh": "导入时有行或消息无法解析，它们不在时间线上，其中可能有对你有利或不利的记录。",
        "en": "Some rows or messages could not be parsed and are not on the timeline; they may hold records for or against you.",
    },
    "rule.KM209.fix": {
        "zh": "打开证据副本（evidence/ 中以该编号开头的文件）查看这些行；对你的主张重要的，用 kameng event add --exhibit 证据编号 补记。",
        "en": "Open the copy (the file in evidence/ starting with that number) and look at those rows; add what matters for your claim with kameng event add --exhibit ID.",
    },
    "rule.KM210.title": {"zh": "账单导出的问题", "en": "Problems with a bill export"},
    "rule.KM210.rationale": {
        "zh": "账单是付款最有力的证据；被另存改动过、对不上本订单或显示未付款的账单，会被对方用来否认付款。",
        "en": "A bill export is the strongest proof of payment; one that was re-saved, matches no row of this order or shows it unpaid lets the other side deny the payment.",
    },
    "rule.KM210.fix": {
        "zh": "从支付宝/微信/银行 App 重新导出原始账单（不要用 Excel 打开后保存），核对 case.toml 的订单号、金额和付款时间后运行 kameng match。",
        "en": "Export the bill again from the Alipay/WeChat/bank app (never re-saved from Excel), check the order number, amount and payment time in case.toml, then run kameng match.",
    },
    "rule.KM211.title": {"zh": "证据副本被改动或丢失", "en": "A stored copy was changed or lost"},
    "rule.KM211.rationale": {
        "zh": "证据副本与添加时记录的 SHA-256 不一致（或已不在），已不能证明原件显示的内容；引用它的文书会被质疑伪造证据。",
        "en": "The copy no longer matches the SHA-256 recorded when it was added (or is gone), so it no longer proves what the original showed; a letter citing it invites a charge of forged evidence.",
    },
    "rule.KM211.fix": {
        "zh": "用你保存的原件运行 kameng add 原件，按原编号恢复副本，然后运行 kameng verify 确认。",
        "en": "Run kameng add ORIGINAL with the original you kept to restore the copy under the same number, then run kameng verify.",
    },
    "rule.KM301.title": {"zh": "超过 12315 的三年受理期限", "en": "Older than 12315's three years"},
    "rule.KM301.rationale": {
        "zh": "自知道或应当知道权益受侵害之日起超过三年的投诉，市场监管部门不予受理 [TSJB-16]。",
        "en": "Market regulators do not accept complaints made more than three years after the consumer knew or should have known of the harm [TSJB-16].",
    },
    "rule.KM301.fix": {
        "zh": "尽快提交 12315；已超过的，改走诉讼（注意诉讼时效是否曾中断）或平台渠道。",
        "en": "File with 12315 soon; once past, go to court (check whether the limitation period was interrupted) or the platform.",
    },
    "rule.KM302.title": {"zh": "诉讼时效", "en": "Limitation period"},
    "rule.KM302.rationale": {
        "zh": "向法院请求保护民事权利的诉讼时效为三年 [MFD-188]；向对方提出履行请求、报案等会使时效中断并重新计算 [MFD-195][SXGD-8][SXGD-13]。",
        "en": "The limitation period for court claims is three years [MFD-188]; a demand that reaches the other side or a police report interrupts and restarts it [MFD-195][SXGD-8][SXGD-13].",
    },
    "rule.KM302.fix": {
        "zh": "在期限前通过可留痕的方式（短信、邮件、站内信、即时通讯）向对方发出主张权利的催告并保存送达记录，或直接起诉。",
        "en": "Before the line, send a demand by a traceable means (SMS, email, in-app message, chat) and keep proof it arrived, or file in court.",
    },
    "rule.KM303.title": {"zh": "同一争议已在消协/法院等处理", "en": "Dispute already with 消协 / a court"},
    "rule.KM303.rationale": {
        "zh": "法院、仲裁机构、其他行政机关或消费者协会已受理或处理过同一争议的，12315 不予受理 [TSJB-16]；12315 与消协应二选一。",
        "en": "12315 refuses a dispute that a court, arbitration body, other agency or consumer association has accepted or handled [TSJB-16]; choose 12315 or 消协, not both.",
    },
    "rule.KM303.fix": {
        "zh": "不要再向 12315 提交同一争议；等待消协结果，调解不成再起诉。",
        "en": "Do not file the same dispute with 12315; wait for the consumer association, and go to court if mediation fails.",
    },
    "rule.KM304.title": {"zh": "多头投诉", "en": "Filed on many channels at once"},
    "rule.KM304.rationale": {
        "zh": "短期内向多个机构重复投诉同一争议（多头投诉）会被合并或不予受理，短期大量投诉还会被怀疑不是为生活消费 [TSJB-16][TSJB-17]。",
        "en": "Filing one dispute with many bodies in a short time gets it merged or refused, and a burst of complaints can be read as not for personal consumption [TSJB-16][TSJB-17].",
    },
    "rule.KM304.fix": {
        "zh": "按顺序走：商家/平台 → 12315 或消协（二选一）→ 法院；报警可以并行，黑猫等公开平台可并行但注意脱敏。",
        "en": "Go in order: merchant/platform → 12315 or 消协 (one of them) → court; the police and public sites like 黑猫 may run alongside (redact them).",
    },
}

_FINDINGS: dict[str, dict[str, str]] = {
    "check.msg.KM101": {"zh": "缺少“{label}”的证据。", "en": "No evidence for \"{label}\"."},
    "check.msg.KM102": {"zh": "“{label}”的证据薄弱。", "en": "The evidence for \"{label}\" is weak."},
    "check.msg.KM103": {
        "zh": "“{label}”的证据 {refs} 时间为 {time}，早于“{after}”（{anchor}）。",
        "en": "Evidence {refs} for \"{label}\" is dated {time}, before \"{after}\" ({anchor}).",
    },
    "check.msg.KM104": {
        "zh": "时间线上有 {count} 条付款后的交付记录（{refs}），与问题类型“{problem}”矛盾。",
        "en": "The timeline holds {count} delivery record(s) after the payment ({refs}), contradicting the problem type \"{problem}\".",
    },
    "check.msg.KM201": {
        "zh": "{where}显示的金额为 {amounts}，与 case.toml 中的价格 {price} 不一致。",
        "en": "The {where} shows {amounts}, but case.toml says the price was {price}.",
    },
    "check.msg.KM201.repeated": {
        "zh": "同一订单有 {count} 笔付款（{items}），合计 {total}：重复付款的钱同样要退还，诉求按合计计算。",
        "en": "The order was paid {count} times ({items}), {total} in all: money paid twice is owed back too, and the claim counts the total.",
    },
    "check.why.KM201.repeated": {
        "zh": "多付的钱商家同样应当退还；但如果其中一笔其实属于另一个订单，把它算进诉求就是多要，对方会据此质疑整份材料。",
        "en": "A merchant must return money paid twice as well; but if one payment belongs to another order, claiming it asks for too much and casts doubt on the whole file.",
    },
    "check.fix.KM201.repeated": {
        "zh": "在账单详情页核对每笔付款的商家订单号；确属重复付款的，在聊天中向商家指出并要求退还；属于别的订单的，用 kameng match 重新选择本订单的付款。",
        "en": "Check each payment's merchant order number on the bill detail page; for a double payment, tell the merchant in the chat and ask for it back; if one belongs to another order, pick this order's payment again with kameng match.",
    },
    "check.msg.KM201.inner": {
        "zh": "各份证据中的付款金额不一致：{amounts}；case.toml 中也没有填写价格。",
        "en": "The evidence shows different amounts paid: {amounts}; case.toml states no price either.",
    },
    "check.msg.note": {"zh": "{exhibit}：{text}", "en": "{exhibit}: {text}"},
    "check.msg.KM202": {
        "zh": "{where} 中出现订单号 {found}，与 {expected} 不一致。",
        "en": "{where} show(s) order number {found}, not {expected}.",
    },
    "check.msg.KM203": {
        "zh": "付款的收款方是“{who}”，与商家或平台（{names}）对不上。",
        "en": "The payment went to \"{who}\", which matches neither the merchant nor the platform ({names}).",
    },
    "check.msg.KM203.person": {
        "zh": "付款的收款方“{who}”是个人账户，不是商家或平台的商户账户。",
        "en": "The payment went to \"{who}\", a personal account, not the merchant's or platform's business account.",
    },
    "check.fix.KM203.person": {
        "zh": "保留商家要求你转账到该个人账户的聊天原话；这是诈骗常见手法，可同时报警，并向平台举报商家诱导站外交易。",
        "en": "Keep the chat where the merchant asked you to pay this person; it is a common fraud pattern — report to the police, and to the platform that the merchant steered you off-platform.",
    },
    "check.msg.KM203.aggregator": {
        "zh": "收款方“{who}”是支付机构，账单上看不出实际商户。",
        "en": "The payee \"{who}\" is a payment processor; the bill does not show the actual merchant.",
    },
    "check.fix.KM203.aggregator": {
        "zh": "在账单详情页找到“商户全称/商品说明”并截图，证明这笔钱付给了本案商家或平台。",
        "en": "Screenshot the bill detail's merchant name / goods description to show the money went to this merchant or platform.",
    },
    "check.msg.KM204": {
        "zh": "已收到退款 {refunded}（付款 {paid}），诉求只能针对余下的 {outstanding}。",
        "en": "Refunds of {refunded} were received (paid {paid}); the claim can only cover the remaining {outstanding}.",
    },
    "check.msg.KM204.full": {
        "zh": "已收到退款 {refunded}，不少于付款 {paid}：价款已退清，争议可能已经解决。",
        "en": "Refunds of {refunded} cover the payment of {paid}: the price is repaid and the dispute may be settled.",
    },
    "check.msg.KM204.closed": {
        "zh": "{exhibit} 第 {line} 行的付款 {amount} 交易状态为“{status}”：支付宝全额退款后原付款即如此显示，但退款那一行不在这份账单里；已按全额退款 {amount} 计算。",
        "en": "The payment of {amount} on line {line} of {exhibit} has the status \"{status}\": Alipay shows a purchase refunded in full this way, but the refund row is not in this export; it is counted as refunded in full ({amount}).",
    },
    "check.fix.KM204.closed": {
        "zh": "导出付款之后几周的支付宝账单（交易明细），找到这笔的“退款成功”行后用 kameng add 添加，以确认退款金额和时间；如确实没有收到退款，截图账单详情页上交易关闭的原因。",
        "en": "Export the Alipay bill for the weeks after the payment, find this order's 退款成功 row and kameng add it to confirm the refund's amount and date; if no money came back, screenshot why the bill detail says the trade was closed.",
    },
    "check.msg.KM204.row": {
        "zh": "{exhibit} 第 {line} 行的付款状态为“{status}”，即已退 {amount}；退款那一行不在这份账单里，已按此计入已退金额。",
        "en": "The payment on line {line} of {exhibit} has the status \"{status}\", so {amount} came back; the refund row is not in this export, and the refund is counted from the status.",
    },
    "check.fix.KM204.row": {
        "zh": "导出包含退款日期的账单并添加，退款那一行写明退款时间和金额。",
        "en": "Export and add the bill covering the refund's date: its refund row gives the refund's time and amount.",
    },
    "check.msg.KM205": {
        "zh": "{exhibit}（{name}）的 EXIF 软件标记为“{software}”，是图片编辑软件。",
        "en": "{exhibit} ({name}) has the EXIF Software tag \"{software}\", an image editor.",
    },
    "check.msg.KM205.many": {
        "zh": "{count} 张截图的 EXIF 软件标记是图片编辑软件：{items}。",
        "en": "{count} screenshots have the EXIF Software tag of an image editor: {items}.",
    },
    "check.msg.KM205.item": {"zh": "{exhibit}（{software}）", "en": "{exhibit} ({software})"},
    "check.msg.KM206": {
        "zh": "{count} 张截图没有拍摄时间：{exhibits_list}。",
        "en": "{count} screenshot(s) have no capture time: {exhibits_list}.",
    },
    "check.msg.KM209": {
        "zh": "{exhibit} 有 {count} 条记录未能识别（{where}）。",
        "en": "{exhibit} has {count} record(s) that were not understood ({where}).",
    },
    "check.msg.KM211": {
        "zh": "{exhibit} 的证据副本（evidence/{file}）已被改动，与添加时的 SHA-256 不一致。",
        "en": "The stored copy of {exhibit} (evidence/{file}) was changed: it no longer matches the SHA-256 recorded when it was added.",
    },
    "check.msg.KM211.missing": {
        "zh": "{exhibit} 的证据副本（evidence/{file}）不见了。",
        "en": "The stored copy of {exhibit} (evidence/{file}) is missing.",
    },
    "check.msg.KM301.passed": {
        "zh": "自 {start} 起已超过三年（期限至 {due}，已过 {days} 天），12315 将不予受理。",
        "en": "More than three years have passed since {start} (the line was {due}, {days} day(s) ago); 12315 will not accept it.",
    },
    "check.msg.KM301.near": {
        "zh": "12315 的三年期限至 {due} 届满（自 {start} 起算），只剩 {days} 天。",
        "en": "12315's three years end on {due} (counted from {start}); {days} day(s) left.",
    },
    "check.msg.KM302.passed": {
        "zh": "诉讼时效自 {start}（{since}）起算，已于 {due} 届满（{days} 天前）。",
        "en": "The limitation period ran from {start} ({since}) and ended on {due} ({days} day(s) ago).",
    },
    "check.msg.KM302.near": {
        "zh": "诉讼时效自 {start}（{since}）起算，至 {due} 届满，只剩 {days} 天。",
        "en": "The limitation period runs from {start} ({since}) to {due}; {days} day(s) left.",
    },
    "check.msg.KM301.today": {
        "zh": "12315 的三年期限今天（{due}）届满（自 {start} 起算）：今天提交。",
        "en": "12315's three years end today ({due}, counted from {start}): file today.",
    },
    "check.msg.KM302.today": {
        "zh": "诉讼时效自 {start}（{since}）起算，今天（{due}）是最后一天。",
        "en": "The limitation period runs from {start} ({since}); today ({due}) is the last day.",
    },
    "check.fix.KM301.passed": {
        "zh": "12315 已不会受理：改向法院起诉（先看诉讼时效是否还在，见 KM302）或向平台投诉。",
        "en": "12315 will not take it any more: go to court (first see whether the limitation period still runs, KM302) or complain to the platform.",
    },
    "check.fix.KM302.passed": {
        "zh": "诉讼时效已过：起诉时对方可以以此抗辩。如对方此后承认欠款或同意处理，保存这条记录并重新运行 kameng check；仍可向平台投诉或与对方协商。",
        "en": "The limitation period has run out: in court the other side may rely on it. If they later acknowledge the debt or agree to settle, keep that record and run kameng check again; you can still complain to the platform or negotiate.",
    },
    "check.limitation.since_knew": {"zh": "知道权益受损之日", "en": "when you knew of the harm"},
    "check.limitation.since_event": {"zh": "最近一次中断：{event}", "en": "last interrupted by {event}"},
    "check.msg.KM303": {
        "zh": "这起争议已提交{bodies}；再向 12315 投诉同一争议将不予受理。",
        "en": "This dispute is already with {bodies}; 12315 will refuse the same dispute.",
    },
    "check.msg.KM303.threat": {
        "zh": "这起争议已提交{bodies}，而聊天中你表示要投诉到 12315：12315 将不予受理同一争议。",
        "en": "This dispute is already with {bodies}, and the chat says you will go to 12315: 12315 will refuse the same dispute.",
    },
    "check.msg.KM303.both": {
        "zh": "这起争议同时提交了{bodies}和 12315，12315 将不予受理。",
        "en": "This dispute was filed with both {bodies} and 12315; 12315 will refuse it.",
    },
    "check.km210.period": {
        "zh": "这份账单的时间范围是 {start} 至 {end}，不包含付款日 {day}：重新导出，时间范围选包含 {day} 的一段，再用 kameng add 加入。",
        "en": "This export covers {start} to {end}, which does not include the payment day {day}: export again with a range that includes {day} and add it with kameng add.",
    },
    "check.km210.proved_elsewhere": {
        "zh": "（本案付款已由 {exhibits} 证明，这份账单不必再补。）",
        "en": " (the payment is proved by {exhibits}; nothing more is needed for this export.)",
    },
    "check.msg.KM303.12315_first": {
        "zh": "这起争议先于 {date} 提交了 12315，之后又提交了{bodies}：两处同时处理同一争议，会被要求二选一。",
        "en": "This dispute went to 12315 on {date} and later to {bodies}: two bodies handling one dispute will ask you to choose one.",
    },
    "check.fix.KM303.12315_first": {
        "zh": "12315 先受理的，继续走 12315：向{bodies}说明已在 12315 处理并撤回后来的申请；12315 调解不成再起诉。",
        "en": "12315 had it first, so stay with 12315: tell {bodies} it is already with 12315 and withdraw the later application; go to court if 12315's mediation fails.",
    },
    "check.msg.KM304": {
        "zh": "这起争议在短期内提交了 {count} 个渠道：{channels}。",
        "en": "This dispute was filed with {count} channels in a short time: {channels}.",
    },
    "check.source.export": {"zh": "账单导出", "en": "bill export"},
    "check.source.screenshot": {"zh": "截图", "en": "screenshot"},
    "check.source.manual": {"zh": "手动记录", "en": "manual record"},
    "check.source.other": {"zh": "其他材料", "en": "other material"},
    # completeness notes from the chat parsers: why and fix per code
    "check.note.chat-starts-after-payment.why": {
        "zh": "聊天记录从付款之后才开始，商家可以说之前的沟通里另有约定（例如“不保证到账时间”）。",
        "en": "The log starts after the payment; the merchant can claim earlier messages held other terms (\"no delivery time guaranteed\").",
    },
    "check.note.chat-starts-after-payment.fix": {
        "zh": "重新导出，把时间范围设为下单前一天起；如确实没有更早的消息，在陈述中说明。",
        "en": "Export again starting the day before the order; if there really were no earlier messages, say so.",
    },
    "check.note.chat-gap.why": {
        "zh": "记录中间有远超平时节奏的空档，可能被质疑删去了不利的消息。",
        "en": "The log has a gap far longer than its usual rhythm, which may be read as deleted unfavourable messages.",
    },
    "check.note.chat-gap.fix": {
        "zh": "确认空档期间确实没有消息（截图该时段的聊天页），或补充该时段其他渠道（电话、邮件）的记录。",
        "en": "Confirm nothing was said during the gap (screenshot that part of the chat), or add the other channels used then (calls, email).",
    },
    "check.note.chat-recalled.why": {
        "zh": "对方或你撤回过消息，撤回的内容可能正是关键承诺，且会被质疑记录不完整。",
        "en": "Messages were recalled; they may have held the key promise, and the log may be called incomplete.",
    },
    "check.note.chat-recalled.fix": {
        "zh": "如当时截到了撤回前的内容，一并加入；否则在陈述中写明撤回的时间和你记得的内容。",
        "en": "If you screenshotted the message before it was recalled, add it; otherwise state when it was recalled and what you remember.",
    },
    "check.note.chat-too-short.why": {
        "zh": "只有一屏左右的消息，看起来像截取的片段，容易被质疑断章取义。",
        "en": "Only about a screen of messages; it looks like an excerpt and invites the charge of quoting out of context.",
    },
    "check.note.chat-too-short.fix": {
        "zh": "导出与对方的完整聊天记录，而不是只复制几条。",
        "en": "Export the whole conversation rather than copying a few messages.",
    },
    "check.note.chat-exporter-loss.why": {
        "zh": "所用导出工具会丢失部分内容（如转账记录或数字），这份记录不能原样作为证据。",
        "en": "The exporter used loses content (transfers or digits), so this log cannot be used as evidence as it is.",
    },
    "check.note.chat-exporter-loss.fix": {
        "zh": "换用不丢内容的导出格式（留痕 v2 的 CSV/HTML，而不是“AI TXT”），重新导出后加入。",
        "en": "Export again in a lossless format (MemoTrace v2 CSV/HTML, not \"AI TXT\") and add that.",
    },
    "check.note.payment-export-edited.why": {
        "zh": "账单文件被 Excel 等软件另存过（数字或时间格式被改），对方可以质疑它被改动。",
        "en": "The bill was re-saved by Excel or similar (numbers or times reformatted); the other side can say it was altered.",
    },
    "check.note.payment-export-edited.fix": {
        "zh": "从 App 重新导出原始账单文件，直接加入，不要先用 Excel 打开保存。",
        "en": "Export the original bill from the app again and add it directly, without opening and saving it in Excel.",
    },
    "check.note.payment-not-matched.why": {
        "zh": "账单里没有能对上本订单的付款行，这份账单证明不了你为本订单付了款。",
        "en": "No row of the bill matches this order, so it does not prove you paid for it.",
    },
    "check.note.payment-not-matched.fix": {
        "zh": "在 case.toml 填准订单号、金额、付款时间和商家/平台名称后运行 kameng match；或导出包含付款当天的账单。",
        "en": "Fill in the order number, amount, payment time and merchant/platform names in case.toml and run kameng match; or export a bill covering the payment day.",
    },
    "check.note.payment-ambiguous.why": {
        "zh": "账单里有多笔可能是本订单的付款，对方可以说你指的是另一笔交易。",
        "en": "Several rows could be this order's payment; the other side can say you mean another transaction.",
    },
    "check.note.payment-ambiguous.fix": {
        "zh": "在 case.toml 写准订单号或精确到秒的付款时间后运行 kameng match，或在终端上运行 kameng match 选择正确的一笔。",
        "en": "Put the exact order number or payment time (to the second) in case.toml and run kameng match, or run it on a terminal and pick the right row.",
    },
    "check.note.payment-order-unpaid.why": {
        "zh": "账单显示这笔订单未付款或交易已关闭，与“已付款”的主张相矛盾。",
        "en": "The bill shows this order unpaid or closed, contradicting the claim that it was paid.",
    },
    "check.note.payment-order-unpaid.fix": {
        "zh": "核对是否还有另一笔实际成功的付款（换了支付方式重新付款时常见），把那一笔的账单或付款成功页加入。",
        "en": "Check for another payment that did succeed (common after retrying with another method) and add its bill row or success page.",
    },
    "check.note.chat-starts-mid.why": {
        "zh": "记录的第一句像是在回应之前的话（“好的”“收到”），前面的对话缺失，可能被质疑截取片段。",
        "en": "The first line answers something earlier (\"好的\", \"收到\"); the start of the conversation is missing and it may look cut.",
    },
    "check.note.chat-starts-mid.fix": {
        "zh": "往前翻到对话开头重新导出，或补充开头部分的截图。",
        "en": "Scroll back to the start of the conversation and export again, or add screenshots of the beginning.",
    },
    "check.note.chat-one-sided.why": {
        "zh": "记录里只有一方的消息，看不出对方的承诺或拒绝，也可能被质疑删去了对方的回复。",
        "en": "Only one side speaks in the log; the other side's promises or refusals are invisible and their replies may look deleted.",
    },
    "check.note.chat-one-sided.fix": {
        "zh": "检查导出时是否选对了会话和“我的昵称”（case.toml 的 my_names），重新导出完整双方记录。",
        "en": "Check the right conversation and your own names (my_names in case.toml) were used, and export both sides again.",
    },
    "check.note.chat-no-times.why": {
        "zh": "整份记录没有时间，无法证明联系发生在付款之后、承诺何时到期。",
        "en": "The whole log has no times, so nothing shows the contact came after the payment or when promises fell due.",
    },
    "check.note.chat-no-times.fix": {
        "zh": "改用带时间的导出（QQ 消息管理器、留痕/MemoTrace），不要从电脑版微信直接复制。",
        "en": "Export with times (QQ message manager, MemoTrace) instead of copying from WeChat for Windows.",
    },
    "check.note.chat-missing-reference.why": {
        "zh": "你的消息提到了对方之前说过的话，但记录里找不到那句话，说明记录开头可能缺失。",
        "en": "Your message refers to something they said earlier that the log does not contain; its start may be missing.",
    },
    "check.note.chat-missing-reference.fix": {
        "zh": "把导出起点提前到那句话之前，或截图补上那句话。",
        "en": "Start the export before that message, or add a screenshot of it.",
    },
    "check.note.chat-resaved.why": {
        "zh": "记录文件的编码或换行与导出工具原样不同，说明被另存或编辑过，真实性可能被质疑。",
        "en": "The file's encoding or line ends differ from what the exporter writes, so it was re-saved or edited and may be challenged.",
    },
    "check.note.chat-resaved.fix": {
        "zh": "提交导出工具直接生成的原始文件，不要用编辑器打开后保存。",
        "en": "Submit the file exactly as the exporter wrote it, never re-saved from an editor.",
    },
    "check.note.chat-truncated.why": {
        "zh": "记录文件在中途被截断，后面的消息缺失。",
        "en": "The log file is cut off part-way; the later messages are missing.",
    },
    "check.note.chat-truncated.fix": {
        "zh": "重新导出完整文件后再加入。",
        "en": "Export the whole file again and add that.",
    },
    "check.note.chat-year-assumed.why": {
        "zh": "导出格式不带年份，年份是按订单时间推定的，跨年的对话可能被排错顺序。",
        "en": "The export carries no year; it was assumed from the order time, so a conversation spanning a new year may be misordered.",
    },
    "check.note.chat-year-assumed.fix": {
        "zh": "用带完整日期的导出方式，或核对时间线中的日期。",
        "en": "Use an export with full dates, or check the dates on the timeline.",
    },
}

_TARGETS: dict[str, dict[str, str]] = {
    "check.target.duty.account-stolen": {
        "zh": "账号安全是平台自己的系统和责任：直接向平台投诉，要求冻结、追回并赔偿；平台知道后未采取必要措施的要承担责任 [DSF-38][XQF-44]。",
        "en": "Account security is the platform's own system and duty: complain to the platform directly, asking it to freeze, recover and compensate; it is liable if it knew and took no necessary measures [DSF-38][XQF-44].",
    },
    "check.target.duty.privacy-leak": {
        "zh": "个人信息由平台收集和保管，泄露是平台自身的失职：直接向平台投诉 [DSF-59]。",
        "en": "The platform collected and keeps your personal data; a leak is its own failure: complain to the platform directly [DSF-59].",
    },
    "check.target.duty.illegal-goods": {
        "zh": "平台对入驻商家负有监管义务，售卖非法卡密是平台监管失职：直接向平台举报 [DSF-38][DSF-59]。",
        "en": "The platform must supervise the merchants it hosts; illicit codes on sale are a failure of that supervision: report to the platform directly [DSF-38][DSF-59].",
    },
    "check.target.vanished": {
        "zh": "商家已失联：直接找平台，要求提供商家真实名称、地址和有效联系方式，不能提供的可向平台要求赔偿 [XQF-44]；有诈骗迹象可同时报警。",
        "en": "The merchant is gone: go to the platform, ask for the merchant's real name, address and contact, and claim from the platform if it cannot provide them [XQF-44]; with signs of fraud, call the police too.",
    },
    "check.target.vanished_no_platform": {
        "zh": "没有第三方平台：向商家最后的联系方式发出可留痕的催告（中断时效 [SXGD-8]），同时准备 12315 投诉；有诈骗迹象可报警。",
        "en": "There is no third-party platform: send a traceable demand to the merchant's last contact (it interrupts the limitation period [SXGD-8]) and prepare a 12315 complaint; with signs of fraud, call the police.",
    },
    "check.target.platform_sells": {
        "zh": "没有独立的入驻商家，平台（自建卡盟站/自营）本身就是卖家：直接向平台投诉，平台承担销售者责任 [DSF-37]。",
        "en": "There is no separate merchant: the platform (a self-run 卡盟 site or self-operated shop) is the seller, so complain to it directly; it bears the seller's liability [DSF-37].",
    },
    "check.target.merchant_fault": {
        "zh": "这是商家自己的履约问题：先向商家提出要求，同时在平台发起售后/纠纷，让平台按其规则处理商家 [DSF-59][DSF-61]。",
        "en": "This is the merchant's own failure to perform: make your demand to the merchant and at the same time open the platform's after-sales/dispute so the platform applies its rules to the merchant [DSF-59][DSF-61].",
    },
    "check.target.merchant_only": {
        "zh": "没有第三方平台：直接向商家（独立发卡网/卡盟站经营者）提出要求，保留可留痕的催告记录。",
        "en": "There is no third-party platform: make your demand directly to the merchant (the operator of the site), in a traceable way.",
    },
    "check.target_label.merchant": {"zh": "商家", "en": "the merchant"},
    "check.target_label.platform": {"zh": "平台", "en": "the platform"},
    "check.target_label.both": {"zh": "商家和平台同时", "en": "the merchant and the platform together"},
}

_READY: dict[str, dict[str, str]] = {
    "check.ready.order_number": {
        "zh": "订单号（case.toml 的 order.number）",
        "en": "the order number (order.number in case.toml)",
    },
    "check.ready.platform_name": {
        "zh": "下单的平台名称（case.toml 的 platform.name）",
        "en": "the platform the order was placed on (platform.name in case.toml)",
    },
    "check.ready.settled": {"zh": "争议看起来已经解决（{time} 已交付或已全额退款，此后没有新的拒绝或推诿）", "en": "the dispute looks settled (delivered or refunded in full at {time}, nothing refused or stalled after it)"},
    "check.ready.link": {"zh": "“{label}”的证据", "en": "evidence for \"{label}\""},
    "check.ready.complainant": {
        "zh": "投诉人信息：{fields}（case.toml 的 [complainant]）",
        "en": "complainant details: {fields} ([complainant] in case.toml)",
    },
    "check.ready.respondent_name": {
        "zh": "被投诉人名称：商家名称（merchant.name）或平台运营公司全称（platform.company）",
        "en": "the respondent's name: the merchant's (merchant.name) or the operator company's full name (platform.company)",
    },
    "check.ready.respondent_address": {
        "zh": "被投诉人“{name}”的地址（merchant.address 或 platform.address；网站首页底部或平台公示的经营者信息里可找到）",
        "en": "the address of the respondent \"{name}\" (merchant.address or platform.address; see the operator details at the foot of the site or on the platform)",
    },
    "check.ready.respondent_uscc": {
        "zh": "“{name}”的统一社会信用代码（merchant.uscc 或 platform.uscc），用于确定被告身份；个人商家可书面要求平台提供其真实身份 [XQF-44]",
        "en": "the unified social credit code of \"{name}\" (merchant.uscc or platform.uscc) to identify the defendant; for a private seller ask the platform in writing for their identity [XQF-44]",
    },
    "check.ready.claims": {
        "zh": "具体诉求（case.toml 的 claims：refund / redeliver / compensation）",
        "en": "a concrete request (claims in case.toml: refund / redeliver / compensation)",
    },
    "check.ready.blocked": {"zh": "{rule}：{message}", "en": "{rule}: {message}"},
    "check.ready.claim_amount": {
        "zh": "可计算的诉讼请求金额（付款金额未知：补充付款记录或填写 order.price）",
        "en": "a computable claim (the amount paid is unknown: add the payment record or fill in order.price)",
    },
    "check.ready.compensation_basis": {
        "zh": "第五十五条增加赔偿的依据：只有构成欺诈时才可主张（case.toml 中 fraud = true 并有证据支持），现在不适用：{reason}。文书改为要求赔偿损失 [MFD-577]，起诉须写明损失金额并举证",
        "en": "a basis for the 第五十五条 increase: only with fraud (fraud = true in case.toml, backed by evidence), which does not apply now: {reason}. The letters ask for damages instead [MFD-577], and a court filing must state and prove their amount",
    },
    "check.ready.nothing_left": {
        "zh": "具体的请求：已收到退款 {refunded}，价款已退清，退款诉求已无内容；如还有其他损失，在 claims 中加入 compensation 并说明",
        "en": "a concrete request: refunds of {refunded} repaid the price, so there is no refund left to ask for; for other losses add compensation to claims and explain them",
    },
    "check.ready.no_fraud_signs": {
        "zh": "诈骗迹象（收款后失联、反复出售已用卡密、虚假店铺、诱导私下转账）；单纯的履约争议属于民事纠纷，应走商家/平台/12315/法院",
        "en": "signs of fraud (unreachable after payment, used codes resold, a fake shop, a private transfer); a plain performance dispute is civil: merchant, platform, 12315 or court",
    },
    "check.ready.payment_record": {"zh": "付款记录（交易单号、金额、收款账户）", "en": "the payment record (trade number, amount, payee)"},
    "check.ready.other_side": {
        "zh": "对方的账号、店铺链接或联系方式（merchant.contact / merchant.shop）",
        "en": "the other side's account, shop link or contact (merchant.contact / merchant.shop)",
    },
    "check.field.complainant.name": {"zh": "姓名", "en": "name"},
    "check.field.complainant.phone": {"zh": "电话", "en": "phone"},
    "check.field.complainant.address": {"zh": "通讯地址", "en": "postal address"},
    "check.field.complainant.id_number": {"zh": "身份证号", "en": "ID number"},
    "check.channel.merchant": {"zh": "商家", "en": "merchant"},
    "check.channel.platform": {"zh": "平台", "en": "platform"},
    "check.channel.12315": {"zh": "12315", "en": "12315"},
    "check.channel.consumer-association": {"zh": "消协", "en": "consumer association"},
    "check.channel.heimao": {"zh": "黑猫投诉", "en": "Heimao"},
    "check.channel.court": {"zh": "法院", "en": "court"},
    "check.channel.police": {"zh": "公安", "en": "police"},
    "check.channel.arbitration": {"zh": "仲裁机构", "en": "arbitration"},
    "check.channel.12345": {"zh": "12345 热线", "en": "12345 hotline"},
    "check.sign.paid-unreachable": {"zh": "付款后失联", "en": "unreachable after payment"},
    "check.sign.card-resold": {"zh": "卡密已被使用（疑似重复出售）", "en": "code already used (likely resold)"},
    # The user's fraud = true: their own statement, not something the evidence shows (docs/process.md).
    "check.sign.fake-shop": {"zh": "你认为对方存在欺诈（case.toml 中 fraud = true，本人陈述，证据中尚未见到）",
                             "en": "you consider it fraud (fraud = true in case.toml: your statement, not shown by the evidence)"},
    "check.sign.illegal-goods": {"zh": "售卖来路不明的卡密", "en": "codes of unknown origin on sale"},
    "check.sign.private-transfer": {"zh": "付款给个人账户", "en": "paid to a personal account"},
}

_CLI: dict[str, dict[str, str]] = {
    "check.title": {"zh": "证据链检查：{problem}", "en": "Evidence chain check: {problem}"},
    "check.chain": {"zh": "证据链", "en": "Evidence chain"},
    "check.legend": {"zh": "✓ 已证明　~ 薄弱　✗ 缺失", "en": "✓ proven   ~ weak   ✗ missing"},
    "check.findings": {"zh": "发现的问题", "en": "Findings"},
    "check.no_findings": {"zh": "没有发现问题。", "en": "No findings."},
    "check.severity.blocker": {"zh": "阻断", "en": "Blockers"},
    "check.severity.warning": {"zh": "警告", "en": "Warnings"},
    "check.severity.info": {"zh": "提示", "en": "Notes"},
    "check.label.why": {"zh": "原因：", "en": "Why: "},
    "check.label.fix": {"zh": "怎么补：", "en": "Fix: "},
    "check.label.evidence": {"zh": "证据：", "en": "Evidence: "},
    "check.first_target": {"zh": "先找谁：{target}", "en": "Complain first to: {target}"},
    "check.readiness": {"zh": "各渠道准备情况", "en": "Readiness per channel"},
    "check.ready_yes": {"zh": "可以提交", "en": "ready"},
    "check.ready_no": {"zh": "还缺：", "en": "missing:"},
    "check.claim": {"zh": "诉讼请求：{total}（退款 {refund}，增加赔偿 {compensation}）", "en": "Claim: {total} (refund {refund}, increase {compensation})"},
    "check.signs": {"zh": "诈骗迹象：{signs}", "en": "Fraud signs: {signs}"},
    "check.summary": {
        "zh": "{blockers} 个阻断，{warnings} 个警告，{infos} 个提示。",
        "en": "{blockers} blocker(s), {warnings} warning(s), {infos} note(s).",
    },
    "check.summary.strict": {"zh": "（--strict：警告也视为问题）", "en": "(--strict: warnings count as problems)"},
    "check.rules.col.id": {"zh": "编号", "en": "Id"},
    "check.rules.col.severity": {"zh": "严重程度", "en": "Severity"},
    "check.rules.col.title": {"zh": "规则", "en": "Rule"},
    "check.rules.hint": {"zh": "用 kameng explain 编号 查看某条规则的理由和补救办法。", "en": "Run kameng explain ID for a rule's rationale and fix."},
    "check.explain.rationale": {"zh": "为什么", "en": "Why it matters"},
    "check.explain.fix": {"zh": "怎么做", "en": "What to do"},
    "check.explain.severity": {"zh": "最高严重程度：{severity}", "en": "Highest severity: {severity}"},
    "check.explain.unknown": {
        "zh": "没有编号为 {id} 的规则。已有的规则：{known}。",
        "en": "there is no rule {id}. Known rules: {known}.",
    },
    "check.sev.blocker": {"zh": "阻断", "en": "blocker"},
    "check.sev.warning": {"zh": "警告", "en": "warning"},
    "check.sev.info": {"zh": "提示", "en": "info"},
}

MESSAGES: dict[str, dict[str, str]] = {**_LINKS, **_WEAK, **_RULES, **_FINDINGS, **_TARGETS, **_READY, **_CLI}
