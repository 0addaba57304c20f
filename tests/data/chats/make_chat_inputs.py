"""Writes the chat-layout test inputs in this folder (run: python make_chat_inputs.py).

Every file is invented and follows a layout in chat-exports.md, varying the quirks the spec lists:
encodings (UTF-8 with/without BOM, GB18030 re-saves, UTF-16LE), CRLF/LF, missing final newlines,
multi-line bodies with blank lines, header-looking lines inside bodies, en-US / 上午下午 times,
recalls, transfers, truncation. The expected parse of each is the `.expected.json` next to it
(regenerate with KAMENG_REGEN=1 pytest tests/chats)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

HERE = Path(__file__).parent
SEP = "=" * 64


def write(name: str, text: str, encoding: str = "utf-8", bom: bool = False, newline: str = "\n") -> None:
    data = text.replace("\r\n", "\n")
    if newline != "\n":
        data = data.replace("\n", newline)
    raw = data.encode(encoding)
    if bom:
        raw = ("\ufeff".encode(encoding) if encoding != "utf-16-le" else b"\xff\xfe") + raw
    (HERE / name).write_bytes(raw)


def csv_text(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


# 1. QQ txt re-saved by Notepad as GBK ("ANSI"), CRLF; two blocks (one 最近联系人 duplicate to skip),
#    a body with an empty line, an empty body, a pasted log line inside a body, 上午/下午 times.
write("qq_friend_gbk.txt", "\n".join([
    "消息记录（此消息记录为文本格式，不支持重新导入）", "",
    SEP, "消息分组:我的好友", SEP, "消息对象:灵犀卡盟-小舟", SEP, "",
    "2024-09-01 21:05:10 夜航船", "小舟，我拍的50元云游一卡通还没到，订单LX20240901210233", "",
    "2024-09-01 21:06:02 灵犀卡盟-小舟", "亲，系统有延迟，十分钟内给你补发", "",
    "2024-09-01 21:40:00 夜航船", "半小时了", "", "你看我之前的记录：", "2024-09-01 21:05:10 夜航船", "这是我贴的一行，不是新消息", "",
    "2024-09-01 21:41:30 夜航船", "", "",
    "2024-09-01 下午9:45:12 灵犀卡盟-小舟", "已经反馈技术了，明天中午前一定给您处理", "",
    "2024-09-02 上午9:02:00 夜航船", "中午了吗？能不能今天给我退款？", "",
    "2024-09-02 12:30:41 灵犀卡盟-小舟", "不好意思，是我们出库的问题，今天之内原路退回", "",
    SEP, "消息分组:最近联系人", SEP, "消息对象:灵犀卡盟-小舟", SEP, "",
    "2024-09-01 21:05:10 夜航船", "小舟，我拍的50元云游一卡通还没到", "", ""]), encoding="gb18030", newline="\r\n")

# 2. QQ txt group chat, en-US times, saved by Notepad as "Unicode" (UTF-16LE with BOM).
write("qq_group_en_utf16.txt", "\n".join([
    "消息记录（此消息记录为文本格式，不支持重新导入）", "",
    SEP, "消息分组:我加入的群聊", SEP, "消息对象:极速卡盟售后群", SEP, "",
    "2024-12-31 11:58:00 PM 系统消息(10000)", "阿澈(代充)加入本群。", "",
    "2025-01-01 12:01:30 AM 阿澈(代充)(200000001)", "@群主 年前拍的卡密无效，提示卡号或密码错误", "",
    "2025-01-01 12:15:00 PM 【群主】极速卡盟(200000009)", "节日单多，排队中，下班前统一处理", "",
    "2025-01-01 1:02:33 PM 围观群众<watcher@example.com>", "我也一样", "",
    "2025-01-01 6:30:00 PM 阿澈(代充)(200000001)", "下班了吧？不处理我就报警，再去黑猫投诉", "",
    "2025-01-01 6:31:10 PM 【群主】极速卡盟(200000009)", "[图片]", ""]), encoding="utf-16-le", bom=True, newline="\r\n")

# 3. A part of a QQ txt pasted on standard input: no banner, LF, no final newline.
write("qq_pasted_part.txt", "\n".join([
    "2024-10-08 9:15:00 小葵", "老板，100元的卡密还没发", "",
    "2024-10-08 9:20:41 葵花卡盟客服", "亲，马上给您发", "",
    "2024-10-08 11:02:09 小葵", "两个小时了", "",
    "2024-10-08 11:30:00 葵花卡盟客服", "库存问题，补货中，请耐心等待"]))

# 3b. QQ txt, UTF-8 with BOM as the exporter writes it: two friend conversations in one file (each
#     message says which), a header with an impossible date (kept in order, time unknown), a
#     系统消息 line, a recall, and the last body of the first block followed by the separator lines.
write("qq_two_conversations.txt", "\n".join([
    "消息记录（此消息记录为文本格式，不支持重新导入）", "",
    SEP, "消息分组:我的好友", SEP, "消息对象:青柠卡铺", SEP, "",
    "2024-03-05 10:00:00 柚子", "30元点卡付了，没发卡密", "",
    "2024-03-05 10:03:12 青柠卡铺", "稍等，5分钟内发您", "",
    "2024-02-30 10:20:00 柚子", "怎么还没到", "",
    "2024-03-05 10:25:00 系统消息", "青柠卡铺撤回了一条消息", "",
    SEP, "消息分组:我的好友", SEP, "消息对象:橙子代充", SEP, "",
    "2024-03-06 9:00:00 橙子代充", "在的", "",
    "2024-03-06 9:01:00 柚子", "[图片]", "", ""]), encoding="utf-8", bom=True, newline="\r\n")

# 4. QQ mht with 上午/下午 times, several <font> spans, &nbsp; in a name, an <IMG> whose part is
#    missing, and the first message's colour wrong (lqzhgood's warning).
MHT_FONT = "<font style=\"font-size:10pt;font-family:'宋体','MS Sans Serif',sans-serif;\" color='000000'>"


def mht_row(colour: str, sender: str, time: str, content: str) -> str:
    return (f"<tr><td><div style=color:{colour};padding-left:10px;><div style=float:left;margin-right:6px;>{sender}</div>{time}"
            f"</div><div style=padding-left:20px;>{content}</div></td></tr>")


def mht(rows: list[str], end: bool = True) -> str:
    boundary = "----=_NextPart_00000000_1111_2222_3333.444455556666"
    head = ("From: <Save by Tencent MsgMgr>\nSubject: Tencent IM Message\nMIME-Version: 1.0\nContent-Type:multipart/related;\n"
            f"\tcharset=\"utf-8\"\n\ttype=\"text/html\";\n\tboundary=\"{boundary}\"\n\n--{boundary}\nContent-Type:text/html\n"
            "Content-Transfer-Encoding:7bit\n\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>QQ Message</title></head><body>"
            "<table width=100% cellspacing=0><tr><td><div style=padding-left:10px;><br><b>消息记录</b></div></td></tr>"
            "<tr><td><div style=padding-left:10px;>消息分组:我的好友</div></td></tr><tr><td><div style=padding-left:10px;>消息对象:"
            "星河&nbsp;卡盟</div></td></tr>\n")
    body = head + "\n".join(rows) + "\n"
    if end:
        body += f"</table></body></html>\n\n--{boundary}--\n"
    return body


DATE = ("<tr><td style=border-bottom-width:1px;border-bottom-color:#8EC3EB;border-bottom-style:solid;color:#3568BB;"
        "font-weight:bold;height:24px;line-height:24px;padding-left:10px;margin-bottom:5px;>日期: {}</td></tr>")
write("qq_friend_ampm.mht", mht([
    DATE.format("2024-11-11"),
    mht_row("#006EFE", "林小满", "上午11:58:02", MHT_FONT + "在吗？双十一拍的卡密没到</font>"),
    mht_row("#006EFE", "星河&nbsp;卡盟", "下午12:03:45", MHT_FONT + "亲稍等，</font>" + MHT_FONT + "晚上8点前给您处理好</font>"),
    mht_row("#42B475", "林小满", "下午9:10:00", MHT_FONT + "8点早过了<br>人呢？</font>"),
    mht_row("#42B475", "林小满", "下午9:10:30", '<IMG src="{AAAAAAAA-0000-1111-2222-333333333333}.dat">'),
    DATE.format("2024-11-12"),
    mht_row("#006EFE", "星河&nbsp;卡盟", "上午10:00:00", MHT_FONT + "不是我们的问题，卡密泄露不归我们管</font>"),
    mht_row("#42B475", "林小满", "上午10:01:00", MHT_FONT + "要求退一赔三，不然12315见</font>"),
]), bom=True, newline="\r\n")
write("qq_truncated.mht", mht([
    DATE.format("2024-11-11"),
    mht_row("#42B475", "林小满", "11:58:02", MHT_FONT + "在吗？</font>"),
    mht_row("#006EFE", "星河&nbsp;卡盟", "12:03:45", MHT_FONT + "在的，稍后给您补发</font>"),
], end=False), bom=True, newline="\r\n")

# 5. QCE V5 group chat: a member title, multi-line content, 回复 line, declared count ≠ records.
write("qce_group_mismatch.txt", "\n".join([
    "[QQChatExporter V5 / https://github.com/shuakami/qq-chat-exporter]", "[本软件是免费的开源项目~]", "",
    "===============================================", "           QQ聊天记录导出文件", "===============================================", "",
    "聊天名称: 千帆卡盟交流群", "聊天类型: 群聊", "导出时间: 2025-03-02 10:00:00", "消息总数: 5",
    "时间范围: 2025-03-01 09:00:00 - 2025-03-01 21:00:00", "", "",
    "小雨点:", "时间: 2025-03-01 09:00:00", "内容: 群主，我的订单QF20250301085911没到账", "", "",
    "[群主] 千帆卡盟:", "时间: 2025-03-01 09:05:00", "内容: 第三方接口异常，1小时内补发", "第二行：请勿重复下单", "", "",
    "小雨点:", "时间: 2025-03-01 21:00:00", "内容: 都12个小时了，申请退款", "回复: 03-01 09:05 千帆卡盟 - 第三方接口异常，1小时内补发", "", "",
    "===============================================", "              导出完成", "===============================================",
    "总计导出 3 条消息", "导出时间: 2025-03-02 10:00:00"]))

# 6. MemoTrace v1 TXT re-saved with CRLF: escaped names, quote reply, link card, one-line system, multi-line.
write("memotrace_v1_crlf.txt", "\n".join([
    "2024-08-08 08:08:08 Tom\\'s Shop", "早上好，充值卡已发：", "卡号 8888 0000 1111", "密码 AB12-CD34", "",
    "2024-08-08 08:30:00 我是买家", "提示该卡已被使用，你发的是二手卡吧", "",
    "2024-08-08 08:31:12 我是买家", "[图片]", "",
    "2024-08-08 08:40:00 Tom\\'s Shop", "[链接]:退款说明", "            description:点击查看", "            url:https://example.com/r", "",
    "2024-08-08 08:41:00 \"Tom's Shop\" 撤回了一条消息", "",
    "2024-08-08 08:45:30 我是买家", "你撤回的是什么？要么换一张能用的，要么全额退款", "引用:Tom\\'s Shop:早上好，充值卡已发：", "",
    "2024-08-08 09:00:00 Tom\\'s Shop", "发错了，确实是我们的失误，3个工作日内退款", "", ""]), newline="\r\n")

# 7. MemoTrace v1 CSV: a 9-value 1-to-1 row (Jan–Feb 2024 builds), a transfer (49/2000) with its
#    amount, a revoke in CDATA, an empty quote reply, a StrTime that disagrees with CreateTime.
HEAD = ["localId", "TalkerId", "Type", "SubType", "IsSender", "CreateTime", "Status", "StrContent", "StrTime", "Remark", "NickName", "Sender"]
rows = [HEAD,
        ["901", "12", "1", "0", "1", "1717200000", "2", "老板，100元的卡现在有吗", "2024-06-01 08:00:00"],
        ["902", "12", "1", "0", "0", "1717200060", "3", "有的，转账就发，秒到", "2024-06-01 08:01:00"],
        ["903", "12", "49", "2000", "1", "1717200120", "2",
         '<msg><appmsg><des><![CDATA[收到转账95.00元]]></des><wcpayinfo><feedesc><![CDATA[￥95.00]]></feedesc></wcpayinfo></appmsg></msg>',
         "2024-06-01 08:02:00"],
        ["905", "12", "1", "0", "0", "1717203600", "3", "系统繁忙，稍等一会儿给你发", "2024-06-01 09:00:00"],
        ["907", "12", "10000", "0", "0", "1717203700", "3", '<![CDATA["店长" 撤回了一条消息]]>', "2024-06-01 09:01:40"],
        ["908", "12", "49", "57", "1", "1717207200", "2", "", "2024-06-01 10:00:00"],
        ["909", "12", "1", "0", "1", "1717207260", "2", "一个小时了，退钱", "2024-06-01 18:01:00"]]
write("memotrace_v1_short_rows.csv", csv_text(rows), bom=True)

# 8. MemoTrace v1 HTML: JS escapes (\\n, \\', \\u), a transfer, a call, a recall, a voice with its text.
write("memotrace_v1_escapes.html", "\n".join([
    "<html><head><meta charset=\"UTF-8\"><title>甜甜卡铺</title></head><body><script>",
    "const chatMessages = [",
    "{ type:1, text: '你好，50的卡密\\n什么时候发？',is_send:1,avatar_path:'',timestamp:1725148800,is_chatroom:0,displayname:'小\\u7ea2'},"
    "{ type:49, sub_type:2000, text:'已收款', paysubtype:3, pay_memo:'卡密', feedesc:'￥48.00',is_send:0,timestamp:1725148860,is_chatroom:0,displayname:'甜甜卡铺'},"
    "{ type:1, text: '收到了，亲，It\\'s OK，2小时内发你',is_send:0,avatar_path:'',timestamp:1725148900,is_chatroom:0,displayname:'甜甜卡铺'},"
    "{ type:50, text:'通话时长 00:45', call_type:1,timestamp:1725160000,is_chatroom:0,displayname:'甜甜卡铺',},",
    "{ type:34, text:'./voice/1.mp3', voice_to_text:'我们这边的问题',is_send:0,timestamp:1725160100,is_chatroom:0,displayname:'甜甜卡铺'},"
    "{ type:0, text: '\"甜甜卡铺\" 撤回了一条消息', displayname:'',timestamp:1725160200},"
    "{ type:1, text: '能不能今天退款？',is_send:1,timestamp:1725163200,is_chatroom:0,displayname:'小红'},",
    "];", "</script></body></html>"]))

# 9. MemoTrace v2 TXT: transfer with its trailing newline, merged forward with empty lines, quote,
#    system title with only the time, no final newline.
write("memotrace_v2_forward.txt", "\n\n".join([
    "2024-07-01 10:00:00 春风\n老板在吗",
    "2024-07-01 10:00:30 春风\n【发起转账】:￥30.00\n备注: 卡密\n",
    "2024-07-01 10:01:00 阿福小店\n【已收款】:￥30.00\n备注: 卡密\n",
    "2024-07-01 10:02:00 春风\n【合并转发的聊天记录】\n\n- 2024-06-30 09:00 阿福小店: 保证到账\n\n- 2024-06-30 09:01 春风: 好",
    "2024-07-01 10:05:00 阿福小店\n这是上游卡单了，今晚给你补发\n引用：春风: 老板在吗",
    "2024-07-01 10:06:00\n\"阿福小店\" 撤回了一条消息",
    "2024-07-03 10:00:00 春风\n两天了还没补发，我要退款",
    "2024-07-04 09:00:00 春风\n人呢？再不退我就去找平台介入"]))

# 10. MemoTrace v2 CSV: ids mangled by Excel (4.22E+18), a system row with an empty sender.
rows = [["消息ID", "类型", "发送人", "时间", "内容", "备注", "昵称", "更多信息"],
        ["4.22E+18", "文本", "海盐", "2024-07-10 12:00:00", "卡密无效，提示已被使用", "海盐", "海盐", "more"],
        ["4.22E+18", "文本", "北极星卡盟", "2024-07-10 12:05:00", "不会的，您清除缓存后重新尝试", "北极星卡盟", "北极星", "more"],
        ["4.22E+18", "转账", "海盐", "2024-07-10 12:06:00", "【发起转账】:￥0.01\n备注: 测试\n", "海盐", "海盐", "more"],
        ["4.22E+18", "系统消息", "", "2024-07-10 12:07:00", "\"北极星\" 撤回了一条消息", "北极星卡盟", "北极星", "more"],
        ["4.22E+18", "文本", "海盐", "2024-07-10 12:10:00", "别拖了，给我补发", "海盐", "海盐", "more"]]
write("memotrace_v2_excel_ids.csv", csv_text(rows), bom=True)

# 11. MemoTrace v2 AI-TXT: must be refused.
write("memotrace_v2_ai_chat.txt", "\n".join([
    "********************2024-05-01********************", "", "海盐:", "订单号 [id_card xxx] 没到账", "", "北极星卡盟:", "马上处理"]))

# 12. chatlog text for a one-day query (time only) and a query across New Year (MM-DD only).
write("chatlog_oneday.txt", "\n".join([
    "我 09:00:00", "还没到账", "",
    "风铃卡盟(wxid_fengling01) 09:05:00", "亲，风控拦截了，需人工审核，今天之内处理", "",
    "系统消息 09:06:00", "\"风铃卡盟\" 撤回了一条消息", "",
    "我 18:00:00", "今天之内？现在都六点了", "", ""]))
write("chatlog_newyear.txt", "\n".join([
    "小北(我) 12-31 23:50:00", "新年卡还没到", "",
    "新年卡店(wxid_xnk) 12-31 23:55:00", "> 小北: 新年卡还没到", "已反馈给上级，明天处理", "",
    "小北(我) 01-02 10:00:00", "退款吧", "", ""]))

# 13. chatlog CSV: multi-line content in quotes, a group conversation (no self flag).
rows = [["Time", "SenderName", "Sender", "TalkerName", "Talker", "Content"],
        ["2024-09-09 09:09:09", "阿九", "wxid_ajiu", "卡友群", "123456@chatroom", "群主，卡密无效\n提示该卡已被使用"],
        ["2024-09-09 09:10:00", "群主老李", "wxid_laoli", "卡友群", "123456@chatroom", "不是我们的问题，您操作不当吧"],
        ["2024-09-09 09:12:00", "阿九", "wxid_ajiu", "卡友群", "123456@chatroom", "[转账|发送 ￥20.00](押金)"]]
out = io.StringIO()
csv.writer(out, lineterminator="\n").writerows(rows)
write("chatlog_group.csv", out.getvalue())

# 14. PyWxDump: the SECOND page of a long chat (file name says so), voice, transfer, a system notice.
rows = [["id", "MsgSvrID", "type_name", "is_sender", "talker", "room_name", "msg", "src", "CreateTime"],
        ["5001", "7001", "文本", "1", "wxid_me01", "wxid_shop02", "卡呢？说好的半小时", "", "2024-10-01 10:00:00"],
        ["5002", "7002", "语音", "0", "wxid_shop02", "wxid_shop02", "语音时长：3.10秒\n翻译结果：马上", "x.wav", "2024-10-01 10:01:00"],
        ["5003", "7003", "转账", "0", "wxid_shop02", "wxid_shop02", "转账：￥100.00\n转账说明：退款\n转账时间：2024-10-01 10:30:00", "", "2024-10-01 10:30:00"],
        ["5004", "7004", "系统通知", "0", "wxid_shop02", "wxid_shop02", "你已添加了卡盟小二，现在可以开始聊天了。", "", "2024-10-01 10:31:00"]]
write("wxid_shop02_5000_10000.csv", csv_text(rows))

# 15. WeFlow group chat (no '我'), [其他消息] voice, a WeFlow transfer line.
write("weflow_group.txt", "\n".join([
    "2024-10-05 20:00:00 '米粒'", "谁知道发卡机器人掉线了吗", "",
    "2024-10-05 20:01:00 '卡盟客服-阿May'", "[其他消息]", "",
    "2024-10-05 20:02:00 '卡盟客服-阿May'", "维护完自动补发，尽快", "",
    "2024-10-05 20:03:00 '米粒'", "好的，不用补了，把钱退给我", "", ""]))

# 16. WechatExporter: system line in English, continuation lines, a transfer template, a quote.
write("wechatexporter_system.txt", "\n".join([
    "叮当卡铺 - 微信聊天记录", "",
    "大雄 (2024-12-01 08:00:00):在吗",
    "叮当卡铺 (2024-12-01 08:01:00):在的",
    "大雄 (2024-12-01 08:02:00):微信转账 ￥66.00",
    "System Message: 叮当卡铺 撤回了一条消息",
    "叮当卡铺 (2024-12-01 08:05:00):「大雄：在吗」",
    "- - - - -",
    "卡密已正常发放，您自己再查一下",
    "大雄 (2024-12-01 09:00:00):没有，要求退款"]))

# 17. WeChat Windows copy with a body line that ends in ':' and CRLF.
write("wechat_windows_colon.txt", "\n".join([
    "我:", "老板，卡号如下:", "1234 5678", "",
    "小金卡铺:", "收到，马上给你看", "",
    "小金卡铺:", "您填错区服了", "",
    "我:", "没有填错，给我退钱", ""]), newline="\r\n")

# 18. WeChat Mac copy with an empty body line inside a message.
write("wechat_mac_multiline.txt", "\n".join([
    "豆豆 2025/2/14 20:00", "情人节的卡还没到", "", "订单DD20250214195501", "",
    "豆豆 2025/2/14 20:00", "[图片]", "",
    "甜心卡盟 2025/2/14 20:30", "明天给你补发，别急", "",
    "豆豆 2025/2/15 23:59", "明天已经过了", ""]))

# 19. 千牛 copy: name glued to time, 发送中, a hand-over line, a stand-alone recall, noise.
write("qianniu_glued.txt", "\n".join([
    "当前用户来自 手机淘宝", "商品详情页", "",
    "tb_yueliang2024-4-1 8:00:00", "在吗，卡密无效", "发送中", "",
    "月亮数码:小米 2024-4-1 8:01:02", "亲，麻烦提供一下截图", "已读", "",
    "月亮数码:小米 --> 月亮数码:售后 2024-4-1 8:02:00", "",
    "月亮数码:售后 2024-4-1 8:05:00", "已经被使用过了，我们给您补发一张", "未读", "",
    "月亮数码:售后 撤回了一条消息", "",
    "tb_yueliang 2024-4-1 9:00:00", "撤回了什么？", ""]), newline="\r\n")

# 20. Ticket transcript with its header fields, a GB18030 re-save, and a header-looking line in a body.
write("ticket_gbk.txt", "\n".join([
    "工单编号：TK-2024-0099", "问题类型：未到账", "创建时间：2024-05-20 09:00:00", "----------", "",
    "用户 2024-05-20 09:00:05", "100元话费没到账", "",
    "客服小智 2024-05-20 09:10:00", "您好，上游供货商问题，已为您提交工单，48小时内处理", "",
    "用户 2024-05-22 10:00:00", "48小时过了。上次的对话：", "客服小智 2024-05-20 09:10:00", "", "就这样，要求退款",
    ""]), encoding="gb18030")

# 21. Web-chat bracket copy with seconds, a continuation line, ASCII colon.
write("ticket_bracket_seconds.txt", "\n".join([
    "[2024-08-08 08:00:01] 我: 卡密无效",
    "[2024-08-08 08:00:30] 客服-小丁：亲，不能保证马上处理，但会尽快给您答复",
    "第二行：请留意短信",
    "[2024-08-08 08:02:00] 客服-小丁：是不是您输错了？",
    "[2024-08-08 08:03:00] 我：没输错，退款吧"]))

# 22. A pasted WeChat Mac chat (standard input) in which the user calls themself 我.
write("pasted_mac_me.txt", "\n".join([
    "我 2025/3/3 10:00", "付了款没发货", "",
    "蓝莓小铺 2025/3/3 10:02", "亲，3个工作日内发货", "",
    "我 2025/3/10 10:00", "一周了", ""]))


# --- held-out fixes (tests/chats/test_chats_heldout_fixes.py) ---------------------------------------

# 23. QQ mht in which the first row of EACH date section has the wrong colour, for both sides (spec
#     §2.2): my row blue in section 1, the shop's row green in section 2. Majority per sender decides.
write("qq_mht_first_rows_wrong.mht", mht([
    DATE.format("2024-06-01"),
    mht_row("#006EFE", "青禾", "20:00:00", MHT_FONT + "在吗，点卡没到</font>"),
    mht_row("#006EFE", "星河&nbsp;卡盟", "20:01:10", MHT_FONT + "亲，已经帮您提交工单了，请耐心等待</font>"),
    mht_row("#42B475", "青禾", "20:02:00", MHT_FONT + "多久？</font>"),
    mht_row("#006EFE", "星河&nbsp;卡盟", "20:03:00", MHT_FONT + "1-3个工作日内给您答复</font>"),
    mht_row("#42B475", "青禾", "20:05:00", MHT_FONT + "太慢了</font>"),
    DATE.format("2024-06-02"),
    mht_row("#42B475", "星河&nbsp;卡盟", "09:00:00", MHT_FONT + "是我们出库的问题，非常抱歉</font>"),
    mht_row("#42B475", "青禾", "09:01:00", MHT_FONT + "那退款</font>"),
    mht_row("#006EFE", "星河&nbsp;卡盟", "09:02:00", MHT_FONT + "虚拟商品一经售出不支持退款哦</font>"),
]), bom=True, newline="\r\n")

# 24. QQ classic chat-window copy (spec §2.3): time only, 12 h, 【头衔】, grey recall and 共同好友
#     lines between messages, no empty lines; re-saved by Notepad as GBK with CRLF.
write("qq_copy_window_gbk.txt", "\n".join([
    "【客服】星河 卡盟 11:58:54 PM", "亲，这边收到了，马上给您补发",
    "青禾 11:59:30 PM", "好的，我等着",
    "星河 卡盟撤回了一条消息",
    "青禾 12:30:00 AM", "半小时了还是没到账", "你看我上一句",
    "你和星河 卡盟有3个共同好友，点击添加好友。",
    "【客服】星河 卡盟 12:31:15 AM", "已经反馈给技术了", ""]), encoding="gb18030", newline="\r\n")

# 25. QQ message-manager copy: `name(QQ号) time` (en-US and 24 h), `name<mail>`, no empty lines; BOM.
write("qq_copy_msgmgr_bom.txt", "\n".join([
    "星河卡盟(88888) 3:13:28 AM", "亲，已经在催上游了",
    "青禾(10001) 3:14:30 AM", "都三个小时了，给个准话",
    "客服二号<kf2@qq.com> 3:15:02 AM", "今晚之前一定处理好",
    "青禾(10001) 13:20:00", "还没好", ""]), bom=True)

# 26. Mobile QQ copy: day lines, two spaces before the time, a blank after every header (trailing).
write("qq_copy_mobile.txt", "\n".join([
    "— —  2024-5-1  — —", "星河卡盟小雅  23:50:12 ", "亲，单子已经提交了，明天给你补发",
    "青禾  23:51:40 ", "好的，明天几点",
    "— —  2024-5-2  — —", "青禾  10:00:00 ", "还没到"]))

# 27. QQ NT copy: `name: MM-DD time`, a level badge, across New Year (year from the order).
write("qq_copy_nt.txt", "\n".join([
    "星河卡盟-小雅: 12-31 18:05:27", "亲 这边看到您的订单了 一小时内给您补发",
    "【LV2 群友】青禾: 12-31 18:06:01", "好的谢谢",
    "青禾: 01-01 09:20:00", "一晚上了还没有", ""]))

# 28. WeFlow WeClone CSV (spec §3.5): BOM, CRLF, English type names, ISO times.
write("weflow_weclone.csv", csv_text([
    ["id", "MsgSvrID", "type_name", "is_sender", "talker", "msg", "src", "CreateTime"],
    ["1", "7400000000000000000", "text", "1", "wxid_me", "你好，充值一直显示处理中", "", "2024-10-03T09:00:00"],
    ["2", "7400000000000000001", "text", "0", "wxid_shop", "亲亲，1-3个工作日内给您答复", "", "2024-10-03T09:02:07"],
    ["3", "7400000000000000002", "image", "1", "wxid_me", "[图片]", "FileStorage/Image/a.dat", "2024-10-03T09:03:14"],
    ["4", "7400000000000000003", "system", "0", "", "你撤回了一条消息", "", "2024-10-03T09:04:21"],
]), bom=True)

# 29. 12425/wechat-exporter CSV (spec §3.7): no BOM, the contact's columns on my rows too.
write("wechat_12425.csv", csv_text([
    ["时刻", "消息类型", "消息方向", "ID", "微信号", "昵称", "备注名", "内容"],
    ["2024-11-20 09:00:00", "文本", "发送", "abc", "youka_shop", "游卡小铺", "游卡小铺-晓晓", "你好，充值一直显示处理中"],
    ["2024-11-20 09:02:07", "文本", "接收", "abc", "youka_shop", "游卡小铺", "游卡小铺-晓晓", "是我们出库的问题，非常抱歉"],
    ["2024-11-20 09:03:14", "图片", "发送", "abc", "youka_shop", "游卡小铺", "游卡小铺-晓晓", "[图片]"],
    ["2024-11-20 09:04:00", "系统消息", "接收", "abc", "youka_shop", "游卡小铺", "游卡小铺-晓晓", "\"游卡小铺-晓晓\" 撤回了一条消息"],
]).replace("\r\n", "\n"))

# 30. WeFlow TXT transfers (spec §3.5 `<prefix>￥100.00 memo` + who→whom): mine, one without a
#     currency sign, the shop's receipt of mine, and the shop's refund to me.
write("weflow_transfers.txt", "\n\n".join([
    "2024-10-02 21:00:03 '我'\n你好，点卡还没到",
    "2024-10-02 21:00:23 '我'\n[转账]￥100.00 点卡X1 我→云游卡铺",
    "2024-10-02 21:01:00 '云游卡铺'\n[转账收款]￥100.00",
    "2024-10-02 21:02:00 '我'\n[转账] 20.00元",
    "2024-10-03 10:00:00 '云游卡铺'\n[转账]￥50.00 部分退款 云游卡铺→我",
]) + "\n\n")

# 31. 千牛 copy, CRLF: a recall line right under a message's text (no empty line, no status line).
write("qianniu_recall_glued.txt", "\n".join([
    "tb_qinghe 2024-5-1 9:05:00", "老板，点卡没到", "已读",
    "星河数码旗舰店:小美 2024-5-1 9:07:07", "亲，马上给您补发", "未读",
    "tb_qinghe 2024-5-1 9:40:49", "我要申请平台介入",
    "星河数码旗舰店:小美 撤回了一条消息", ""]), newline="\r\n")

# 32. 千牛 older layout (name on one line, time on the next), GBK re-save, with a status line.
write("qianniu_old_layout_gbk.txt", "\n".join([
    "tb_qinghe", "2024-5-1 9:00:00", "老板，昨天拍的点卡到现在都没发", "已读",
    "星河数码旗舰店:阿杰", "2024-5-1 9:01:07", "在的，稍等我看看",
    "星河数码旗舰店:阿杰", "2024-5-1 9:03:14", "晚上八点前肯定给你发过去",
    "tb_qinghe", "2024-5-1 20:20:21", "八点都过了，人呢？", ""]), encoding="gb18030")

# 33. QCE V5 private chat whose content pastes an old log (`客服:` / `时间:` lines, no empty lines
#     between them), with QCE's placeholders [图片消息] / [系统消息] / [表情消息].
write("qce_pasted_log.txt", "\n".join([
    "[QQChatExporter V5 / https://github.com/shuakami/qq-chat-exporter]", "[本软件是免费的开源项目~]", "",
    "===============================================", "           QQ聊天记录导出文件", "===============================================", "",
    "聊天名称: 星河卡盟", "聊天类型: 私聊", "导出时间: 2025-01-10 08:30:00", "消息总数: 5",
    "时间范围: 2025-01-06 20:00:11 - 2025-01-09 20:00:00", "", "",
    "青禾:", "时间: 2025-01-06 20:00:11", "内容: 我贴一下之前的对话：", "客服:", "时间: 2025-01-05 10:00:00", "说好5分钟到账", "", "",
    "青禾:", "时间: 2025-01-06 20:01:00", "内容: [图片消息]", "资源: 1 个文件", "  - image: a.jpg", "", "",
    "星河卡盟:", "时间: 2025-01-06 20:02:00", "内容: [表情消息]", "", "",
    "系统消息:", "时间: 2025-01-06 20:03:00", "内容: [系统消息]", "", "",
    "星河卡盟:", "时间: 2025-01-09 20:00:00", "内容: 已经反馈给上游了", "", "",
    "===============================================", "              导出完成", "===============================================",
    "总计导出 5 条消息", "导出时间: 2025-01-10 08:30:00"]))

# 34. Web-widget copy (spec §4) with today's messages as `[HH:MM]` only, after a dated one; BOM.
write("ticket_bracket_today.txt", "\n".join([
    "[2024/4/30 22:00] 我：昨晚下的单，订单X1",
    "[10:00] 我：你好，订单X1没发货",
    "[10:02] 客服小美：您好，这边核实一下", "请提供一下付款截图",
    "[10:05] 我：[图片]", ""]), bom=True)

# 35. chatlog text with a merged forward (`[合并转发|title]` + indented lines; spec §3.3, §3.9).
write("chatlog_forward.txt", "\n".join([
    "青禾(我) 2024-12-31 23:00:00", "点卡没到", "",
    "蓝鲸数卡-客服(wxid_bluewhale_cs01) 2024-12-31 23:03:34", "[合并转发|发货记录]", "  蓝鲸数卡-客服 12-30 10:00:00",
    "  卡密已发送，保证5分钟到账", "", "青禾(我) 2025-01-01 09:20:21", "没收到", ""]))

# --- amounts with thousands separators (tests/chats/test_chats_tester_fixes.py) ---------------------
# Every exporter writes a transfer's amount as WeChat shows it, `￥1,200.50` above 999.99; the whole
# amount counts, never the part after the last comma. `1,2号卡` in a text is a list, no amount.

# 36. chatlog text (spec §3.3 `[转账|发送 ￥100.00](memo)`), full dates (a query across years).
write("chatlog_thousands.txt", "\n".join([
    "阿木(我) 2024-08-03 10:00:00", "老板，1,2号卡都要，一批多少钱", "",
    "批发卡行(wxid_pifa01) 2024-08-03 10:01:00", "一批1,000.00，先转账再发卡", "",
    "阿木(我) 2024-08-03 10:02:00", "[转账|发送 ￥1,000.00](一批卡)", "",
    "阿木(我) 2024-08-03 10:03:00", "[转账|发送 ￥12,345.60](批发)", "",
    "批发卡行(wxid_pifa01) 2024-08-04 09:00:00", "[转账|发送 ￥1,200.50](部分退款)", "", ""]))

# 37. WeFlow TXT (spec §3.5 `<prefix>￥100.00 memo` + who→whom): my transfers, the shop's receipt and refund.
write("weflow_thousands.txt", "\n\n".join([
    "2024-10-02 21:00:03 '我'\n1,2号卡各要一批，一共多少钱",
    "2024-10-02 21:00:23 '我'\n[转账]￥1,000.00 卡款 我→云游卡铺",
    "2024-10-02 21:01:00 '云游卡铺'\n[转账收款]￥1,000.00",
    "2024-10-02 21:05:00 '我'\n[转账]￥12,345.60 批发 我→云游卡铺",
    "2024-10-03 10:00:00 '云游卡铺'\n[转账]￥1,200.50 退款 云游卡铺→我",
]) + "\n\n")

# 38. MemoTrace v2 TXT (spec §3.2 `【发起转账】:￥100.00\n备注: <memo>\n`), no final newline.
write("memotrace_v2_thousands.txt", "\n\n".join([
    "2024-07-01 10:00:00 小葵\n老板，1,2号卡各来一批",
    "2024-07-01 10:00:30 小葵\n【发起转账】:￥1,000.00\n备注: 卡款\n",
    "2024-07-01 10:01:00 葵花卡铺\n【已收款】:￥1,000.00\n备注: 卡款\n",
    "2024-07-01 10:02:00 小葵\n【发起转账】:￥12,345.60\n备注: 批发\n",
    "2024-07-02 10:00:00 葵花卡铺\n【发起转账】:￥1,200.50\n备注: 退款\n"]))

# 39. WechatExporter text (spec §3.6 transfer template `NAME (TIME):微信转账 MESSAGE`).
write("wechatexporter_thousands.txt", "\n".join([
    "葵花卡铺 - 微信聊天记录", "",
    "Echo (2024-12-01 08:00:00):老板在吗，1,2号卡有没有",
    "葵花卡铺 (2024-12-01 08:01:00):有，一批1,000.00",
    "Echo (2024-12-01 08:02:00):微信转账 ￥1,000.00",
    "Echo (2024-12-01 08:03:00):微信转账 ￥12,345.60",
    "葵花卡铺 (2024-12-01 09:00:00):微信转账 ￥1,200.50"]))

# 40. PyWxDump page (spec §3.4 `转账：￥… / 转账说明：… / 转账时间：…`), the first page of a short chat.
rows = [["id", "MsgSvrID", "type_name", "is_sender", "talker", "room_name", "msg", "src", "CreateTime"],
        ["1", "8001", "文本", "1", "wxid_me9", "wxid_pifa9", "1,2号卡一批多少", "", "2024-08-03 10:00:00"],
        ["2", "8002", "转账", "1", "wxid_me9", "wxid_pifa9", "转账：￥1,000.00\n转账说明：卡款\n转账时间：2024-08-03 10:01:00", "", "2024-08-03 10:01:00"],
        ["3", "8003", "转账", "1", "wxid_me9", "wxid_pifa9", "转账：￥12,345.60\n转账说明：批发\n转账时间：2024-08-03 10:02:00", "", "2024-08-03 10:02:00"],
        ["4", "8004", "转账", "0", "wxid_pifa9", "wxid_pifa9", "转账：￥1,200.50\n转账说明：退款\n转账时间：2024-08-04 09:00:00", "", "2024-08-04 09:00:00"]]
(HERE / "wxid_pifa9_0_5.csv").write_bytes(csv_text(rows).encode("utf-8"))  # CRLF rows, LF inside cells

# --- damaged bytes ----------------------------------------------------------------------------------

# 41. QQ txt as exported (UTF-8 + BOM, CRLF) with one character cut in two (`E5 90` without its last
#     byte) at the end of line 10, and one body on line 16 in GBK bytes (pasted from another program).
QQ_DAMAGED = "\n".join([
    "消息记录（此消息记录为文本格式，不支持重新导入）", "",
    SEP, "消息分组:我的好友", SEP, "消息对象:卡王", SEP, "",
    "2024-08-03 10:00:00 小明", "在吗@CUT@", "",
    "2024-08-03 10:01:00 卡王", "在", "",
    "2024-08-03 10:02:00 小明", "@GBK@", "",
    "2024-08-03 10:03:00 卡王", "好的，马上发", "", ""]).replace("\n", "\r\n")
(HERE / "qq_damaged_bytes.txt").write_bytes(
    b"\xef\xbb\xbf" + QQ_DAMAGED.encode("utf-8").replace(b"@CUT@", b"\xe5\x90").replace(b"@GBK@", "卡密没到，退款".encode("gbk")))

# --- tester's second report (tests/chats/test_chats_tester2_fixes.py) --------------------------------

# 42. QQ .mht whose rows are broken over several lines (a re-save, another generator): between <tr>
#     and <td>, between the sender/time <div> and the content <div>, inside a tag before its
#     attribute, before </td>. Spec §2.2: read the HTML as a stream of <tr>, not line by line.
def mht_row_broken(colour: str, sender: str, time: str, content: str, variant: int) -> str:
    breaks = [("<tr>\n<td>", "</div>\n<div style=padding-left:20px;>", "</div></td>"),
              ("<tr><td>", "</div>\n<div\nstyle=padding-left:20px;>", "</div>\n</td>"),
              ("<tr><td>", "</div>\n\n<div style=padding-left:20px;>", "</div></td>")][variant % 3]
    return (f"{breaks[0]}<div style=color:{colour};padding-left:10px;>\n<div style=float:left;margin-right:6px;>{sender}</div>\n"
            f"{time}{breaks[1]}{content}{breaks[2]}</tr>")


write("qq_mht_rows_broken.mht", mht([
    DATE.format("2024-06-12"),
    mht_row_broken("#42B475", "阿远", "下午8:58:01", MHT_FONT + "在吗？付了款没收到卡密</font>", 0),
    mht_row_broken("#006EFE", "青柠&nbsp;卡铺", "下午9:03:11", MHT_FONT + "亲，5分钟内到账</font>", 1),
    mht_row_broken("#42B475", "阿远", "下午9:30:00", MHT_FONT + "半小时了<br>人呢？</font>", 2),
    DATE.format("2024-06-13"),
    mht_row_broken("#006EFE", "青柠&nbsp;卡铺", "上午10:00:00", MHT_FONT + "已反馈相关部门，请耐心等待</font>", 3),
    mht_row_broken("#42B475", "阿远", "上午10:01:00", MHT_FONT + "今天不发就退款</font>", 4),
]), bom=True, newline="\r\n")


# 43, 44. QQ .mht re-saved by a mail client / IE: the HTML part quoted-printable (UTF-8, with an
#     embedded picture part and a missing one) or base64 in GB18030 (charset on the part's
#     Content-Type). The stdlib `email` package undoes both before the HTML is read.
def mht_encoded(rows: list[str], transfer: str, charset: str = "utf-8") -> str:
    import base64
    import quopri

    boundary = "----=_NextPart_99999999_8888_7777_6666.555544443333"
    document = ("<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
                f"charset={charset}\" /><title>QQ Message</title></head><body><table width=100% cellspacing=0>"
                "<tr><td><div style=padding-left:10px;><br><b>消息记录</b></div></td></tr>"
                "<tr><td><div style=padding-left:10px;>消息分组:我的好友</div></td></tr><tr><td><div style=padding-left:10px;>"
                "消息对象:青柠&nbsp;卡铺</div></td></tr>\n" + "\n".join(rows) + "\n</table></body></html>\n")
    raw = document.encode(charset)
    encoded = (quopri.encodestring(raw).decode("ascii") if transfer == "quoted-printable"
               else base64.encodebytes(raw).decode("ascii"))
    picture = base64.encodebytes(bytes(range(48))).decode("ascii")
    content_type = "text/html" if charset == "utf-8" else f"text/html; charset=\"{charset}\""
    return ("From: <Save by Tencent MsgMgr>\nSubject: Tencent IM Message\nMIME-Version: 1.0\nContent-Type:multipart/related;\n"
            f"\tcharset=\"utf-8\"\n\ttype=\"text/html\";\n\tboundary=\"{boundary}\"\n\n--{boundary}\nContent-Type:{content_type}\n"
            f"Content-Transfer-Encoding:{transfer}\n\n{encoded}\n--{boundary}\nContent-Type:image/png\n"
            "Content-Transfer-Encoding:base64\nContent-Location:{BBBBBBBB-0000-1111-2222-333333333333}.dat\n\n"
            f"{picture}\n--{boundary}--\n")


MHT_ROWS_ENCODED = [
    DATE.format("2024-06-12"),
    mht_row("#42B475", "阿远", "20:58:01", MHT_FONT + "在吗？付了款没收到卡密 = 100元</font>"),
    mht_row("#006EFE", "青柠&nbsp;卡铺", "21:03:11", MHT_FONT + "亲，5分钟内到账，不到账全额退款</font>"),
    mht_row("#42B475", "阿远", "21:30:00", '<IMG src="{BBBBBBBB-0000-1111-2222-333333333333}.dat">'),
    mht_row("#42B475", "阿远", "21:30:20", '<IMG src="{CCCCCCCC-0000-1111-2222-333333333333}.dat">'),
    mht_row("#006EFE", "青柠&nbsp;卡铺", "21:40:00", MHT_FONT + "已反馈相关部门<br>请耐心等待</font>"),
]
write("qq_mht_quoted_printable.mht", mht_encoded(MHT_ROWS_ENCODED, "quoted-printable"), bom=True, newline="\r\n")
write("qq_mht_base64_gb18030.mht", mht_encoded(MHT_ROWS_ENCODED, "base64", "gb18030"), bom=True, newline="\r\n")

# 45. QQ txt whose bodies hold lines of a block header: a `消息分组:` line, a `消息对象:` line, a rule
#     in the middle and at the start of a body, a whole block header pasted without the empty line
#     above it, and a partial one (no 消息对象) after an empty line — all body text. Then a real
#     second block (a group chat): the exact structure after an empty line (spec §2.1).
write("qq_body_block_lines.txt", "\n".join([
    "消息记录（此消息记录为文本格式，不支持重新导入）", "",
    SEP, "消息分组:我的好友", SEP, "消息对象:青柠卡铺", SEP, "",
    "2024-06-01 9:00:00 阿远", "在吗，卡密没到", "",
    "2024-06-01 9:01:10 青柠卡铺", "消息分组:我的好友", "我复制了一段给你看", "",
    "2024-06-01 9:02:00 阿远", "上面", SEP, "下面", "",
    "2024-06-01 9:03:00 青柠卡铺", SEP, "分割线后的字", "",
    "2024-06-01 9:04:00 阿远", "消息对象:别人", "后面的字", "",
    "2024-06-01 9:05:00 青柠卡铺", "我贴一段导出的给你：", SEP, "消息分组:我的好友", SEP, "消息对象:别人", SEP, "这是正文", "",
    "2024-06-01 9:06:00 阿远", "第一段", "", SEP, "消息分组:我的好友", SEP, "第二段", "",
    "2024-06-01 9:07:00 青柠卡铺", "5分钟到账", "",
    SEP, "消息分组:我的群聊", SEP, "消息对象:卡友群", SEP, "",
    "2024-06-02 10:00:00 阿远(123456)", "有人遇到青柠卡铺不发货吗", "",
    "2024-06-02 10:01:00 路人(654321)", "遇到过", "", ""]), bom=True, newline="\r\n")

# 46. WechatExporter text (spec §3.6), one-to-one: continuation lines shaped like headers — a pasted
#     line with a third name, one with a time that is no time (month 13) — stay in their message.
write("wechatexporter_headerlike.txt", "\n".join([
    "青柠小铺 - 微信聊天记录", "",
    "阿远 (2024-12-01 08:00:00):在吗，付了款没收到卡密",
    "青柠小铺 (2024-12-01 08:01:00):我们这边显示：",
    "客服小王 (2024-11-30 21:00:00):已发货",
    "阿远 (2024-12-01 08:02:00):发货记录给我看看",
    "青柠小铺 (2024-12-01 08:03:00):第一行",
    "备注 (2024-13-01 25:61:00):不是时间",
    "System Message: \"青柠小铺\" 撤回了一条消息",
    "阿远 (2024-12-01 08:05:00):微信转账 ￥100.00",
    "青柠小铺 (2024-12-01 08:06:00):已反馈相关部门"]))

# 47, 48. MemoTrace v1 HTML and CSV of one chat (spec §3.1): sticker, location, card, link, merged
#     forward, red packet, mini-program, call, file, quote. Both readers tag them alike.
MT1_MEDIA = [  # (Type, SubType, IsSender, epoch, HTML text, CSV StrContent)
    ("1", "0", "1", 1717203600, "老板，卡密没到", "老板，卡密没到"),
    ("47", "0", "0", 1717203660, "./emoji/2.gif", "<msg><emoji md5=\"a\"/></msg>"),
    ("48", "0", "1", 1717203720, "杭州市西湖区", "<msg><location x=\"30\" y=\"120\"/></msg>"),
    ("42", "0", "0", 1717203780, "名片", "<msg username=\"wxid_boss\"/>"),
    ("49", "5", "0", 1717203840, "售后说明", ""),
    ("49", "19", "1", 1717203900, "群聊的聊天记录", ""),
    ("49", "2001", "0", 1717203960, "恭喜发财", ""),
    ("49", "33", "0", 1717204020, "小程序", ""),
    ("50", "0", "0", 1717204080, "通话时长 01:05", "<voipmsg><![CDATA[通话时长 01:05]]></voipmsg>"),
    ("49", "6", "0", 1717204140, "卡密.txt", ""),
    ("49", "57", "1", 1717204200, "你说的5分钟呢", ""),
    ("1", "0", "1", 1717204260, "给我退款", "给我退款"),
]


def mt1_html_record(kind: str, sub: str, mine: str, when: int, text: str) -> str:
    sub_field = f"sub_type:{sub}," if kind == "49" else ""
    name = "阿远" if mine == "1" else "青柠小铺"
    return (f"{{ type:{kind}, {sub_field}text: '{text}',is_send:{mine},avatar_path:'',timestamp:{when},is_chatroom:0,"
            f"displayname:'{name}'}},")


write("memotrace_v1_media.html", "\n".join([
    "<html><head><meta charset=\"UTF-8\"><title>青柠小铺</title></head><body><script>",
    "const chatMessages = [",
    "".join(mt1_html_record(kind, sub, mine, when, text) for kind, sub, mine, when, text, _ in MT1_MEDIA),
    "];", "</script></body></html>"]))
rows = [["localId", "TalkerId", "Type", "SubType", "IsSender", "CreateTime", "Status", "StrContent", "StrTime", "Remark",
         "NickName", "Sender"]]
for number, (kind, sub, mine, when, _, content) in enumerate(MT1_MEDIA):
    clock = f"{9 + (when - 1717203600) // 3600:02d}:{(when - 1717203600) % 3600 // 60:02d}:00"
    name, wxid = ("阿远", "wxid_ayuan") if mine == "1" else ("青柠小铺", "wxid_qingning")
    rows.append([str(5000 + number), "7", kind, sub, mine, str(when), "2", content, f"2024-06-01 {clock}", name, name, wxid])
write("memotrace_v1_media_utf8.csv", csv_text(rows), bom=True, newline="\r\n")  # as exported: BOM, CRLF
