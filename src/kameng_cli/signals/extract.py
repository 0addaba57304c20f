"""Signals in chat messages: promises (with deadlines), deflections, admissions, refusals by the
counterparty; demands and threats to complain by the user.

Rules (docs/signals.md):
- Only the counterparty promises, deflects, admits or refuses; only the user demands. `你说的5分钟呢`
  from the user is a complaint about a promise, never a promise.
- A message is split into clauses at ，。！？；… and line breaks. A key inside a question clause
  (ends in ？, or has 能不能 / 是不是 / 吗 …) does not promise; a key right after a negation
  (不能保证, 不是, 没法, 不 …) is not asserted.
- A duration or day anchor is a promise only with an action verb in its clause (or, for a clause that
  is just the time — "今晚之前" — in the clause next to it), and not when the clause reports elapsed
  time ("都24小时了") or blames a delay ("今天通道维护").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from functools import partial
from itertools import accumulate
from typing import Any

from ..i18n import get_lang, say_again
from ..model.records import Event
from ..parsing.times import isoformat
from . import deadlines
from .normalise import fold, normalise
from .summaries import say
from .vocabulary import Meaning, Vocabulary, load

_CLAUSE = re.compile(r"[^，,。！!？?；;\n…~]+")
_DURATION = re.compile(
    r"(?P<n1>\d+(?:\.\d+)?)(?:\s*[-~到至]\s*(?P<n2>\d+))?\s*"
    r"(?P<unit>分钟|min|小时|h(?![a-z])|个工作日|工作日|天|日|周|星期)(?P<within>\s*(?:之内|以内|内|左右|以后|后))?"
)
# A clock time promises with 前 (3点前); after a day word it needs none (明天10点给你处理).
_CLOCK = re.compile(
    r"(?P<day>今天|今晚|明天|明早|明晚|明儿|后天)?(?P<period>上午|下午|晚上|中午|早上|一早|傍晚)?(?P<h>\d{1,2})(?:点|:|：)(?P<m>\d{1,2}|半)?分?"
    r"(?P<before>(?(day)(?:之前|前|以前|左右)?|(?:之前|前|以前|左右)))"
)
_DIGIT = re.compile(r"\d")
_FILLER = re.compile(r"[\s亲哈哦呢啦吧的就了~之前内]")  # particles and filler around a time word
# Anything that may start a duration, a clock time or a weekday (one leading class: scanned in C).
_TIME_START = re.compile(
    r"[0-9０-９零〇一二两俩三四五六七八九十半周星礼]"
    r"(?:(?<=周)[一二三四五六日天]|(?<=星)期|(?<=礼)拜|(?<=[^周星礼])\s*[个拉]?\s*(?:分|小时|钟|天|工作日|日|周|星期|礼拜|点|[:：]|h|min))"
)
_TIME_SCAN = re.compile(f"(?:{_TIME_START.pattern})[^\x00]*")  # see _candidates
_UNIT_RULE = {"分钟": "minutes", "min": "minutes", "小时": "hours", "h": "hours", "个工作日": "working-days", "工作日": "working-days"}
CACHE_LIMIT = 200_000
ORDER_FOLLOWS = timedelta(hours=24)  # a pre-sale 下单后N分钟 counts from an order placed within this time
_WEEKDAY_RANGE = re.compile(r"\s*[到至~-]\s*(?:周|星期|礼拜)")
_WEEKDAY = re.compile(r"(?P<next>下个?)?(?:周|星期|礼拜)(?P<d>[一二三四五六日天1-7])")
_AMOUNT = re.compile(r"(?<![\d.])[￥¥]?\s*(?P<n>\d{1,5}(?:\.\d{1,2})?)\s*(?P<unit>元|块|rmb|RMB)?(?!\d)")
_AMOUNT_ALONE = re.compile(r"\s*(?:全款|一共|共|总共|总计)?\s*(?P<sign>[￥¥])?\s*(?P<n>\d{1,5}(?:\.\d{1,2})?)\s*(?P<unit>元|块钱|块|rmb|RMB)?\s*")
# An amount said with a refund anywhere in the message, with its unit (a bare number could be anything).
_REFUND_AMOUNT = re.compile(r"退(?:款|钱|还|回)?(?:给我)?\s*[￥¥]?\s*(?P<n>\d{1,5}(?:\.\d{1,2})?)\s*(?:元|块)")
_AMOUNT_SAID = re.compile(r"[￥¥]\s*(?P<n>\d{1,5}(?:\.\d{1,2})?)|(?P<m>\d{1,5}(?:\.\d{1,2})?)\s*(?:元|块)")
_PERIOD_BEFORE = re.compile(r"上午|下午|晚上|中午|早上|傍晚")
# 下单后10分钟内到账 / 付款成功后一般5分钟到账: the period runs from the order, not from the words.
_AFTER_ORDER = re.compile(r"(?:下单|下完单|拍下|付款|付完款|支付|购买)(?:成功)?(?:之后|以后|后)[^，,。！!？?；;\d]{0,4}$")
_BUSY = re.compile(r"的人(?:比较|很|太|特别|非常)?多|人(?:比较|很|太|特别)?多|高峰|繁忙|排队|爆单")
_ELAPSED_BEFORE = ("已经", "都", "过了", "超过", "超了", "已", "快", "差不多")
_ELAPSED_AFTER = ("了", "过了", "到了", "过去")
_PAST_CONTEXT = ("之前", "以前", "上次", "昨天", "平时", "一般都", "都是")
_PAST_BEFORE = ("已经", "已", "已于")
_QUOTE_LINE = re.compile(r"^(?:引用[:：]|> |「.*」$|- - - - -)")
# 是不是 / 能不能 ask; their 不 negates nothing.
_A_NOT_A = re.compile(r"是不是|能不能|可不可以|要不要|会不会|行不行|有没有|可以不|是否")
_CALL_VERB = re.compile(r"[打去找到向报拨call]")
_PROMISE_KINDS = ("anchored", "vague", "outcome")
_DAY_OFFSET = {"今天": 0, "今晚": 0, "明天": 1, "明早": 1, "明晚": 1, "明儿": 1, "后天": 2}
_CONTEXT_DEFLECTIONS = ("system-delay", "upstream", "blames-user")
_QUESTION_FORM_DEFLECTIONS = ("blames-user", "asks-for-proof", "asks-to-wait")
# Refusals are worded too freely for a phrase list: a negation before a refund / redelivery verb
# (不给退, 没办法给您退款, 不能重发, 补不了) also refuses. Negated negations and questions are excluded
# as for every phrase (不会不给你退的, 能不能退).
# The pattern starts with one character class (its first characters, each alternative then checking
# which one it was), so that the engine skips every other position in C: a whole log is scanned.
_REFUND_VERB = (r"(?:直接|马上|立即|现在|再次|再)?(?:给你|给您|帮你|帮您|为你|为您)?(?:再次|再|重新)?(?:办理|发起|申请|处理)?"
                r"(?:退款|退钱|退货|退|补发|补单|补差价|补|重发|重新发|换卡|换|发货|赔偿|补偿|赔)")
_REFUSAL = re.compile(
    r"[不没莫无退补换赔拒一](?:"
    r"(?<=不)(?:能|可以|会|予|给|支持|接受|同意|办理|负责|可能)?" + _REFUND_VERB +  # 不给退, 不能重发, 不可能赔
    r"|(?<=没)(?:法|办法)" + _REFUND_VERB +  # 没办法给您退款
    r"|(?<=莫)得?(?:法|办法)" + _REFUND_VERB +  # 莫得办法退 (没办法 in the south-west)
    r"|(?<=无)法" + _REFUND_VERB +  # 无法为您退款, 无法再次为您发货
    r"|(?<=退)(?:款|钱|货|单)?(?:不(?:了|回来|回去)|(?:的话)?(?:也|是|都|真的|肯定)?(?:不行|办不到|做不到|不可能|没门))"  # 退不了, 退单不行
    r"|(?<=补)(?:发|偿)?(?:不(?:了|回来|回去)|(?:也|是|都)?(?:不行|不可能|办不到|没有的|是没有的))"  # 补不了, 补偿是没有的
    r"|(?<=换)(?:货|卡)?(?:不(?:了|回来|回去)|(?:也|是|都)?(?:不行|不可能|办不到))"  # 换货不行
    r"|(?<=赔)(?:偿|钱)?(?:也|是|都)?(?:不行|不可能|办不到|没有的|是没有的)"  # 赔偿没有的
    r"|(?<=拒)绝(?:了)?(?:你|您)?的?(?:退款|补发|售后|赔偿|退货)"  # 拒绝您的退款申请
    r"|(?<=一)律不(?:管|退|换|赔|处理)"  # 售后一律不管
    r")"
)
_REFUSED = Meaning("refused")
# A message that is nothing but the name of a proof (截图 / 订单号？) asks for it.
_BARE_PROOF = re.compile(r"[亲您你好在的呢，,\s]*(?:截图|截个图|截屏|订单号|单号|订单编号|订单截图|付款截图|支付截图|付款记录|充值账号|账号)"
                         r"(?:呢|发一下|发下|发我|给我)?[?？。.!！~\s]*")
_BARE_PROOF_SCAN = re.compile(r"\x00" + _BARE_PROOF.pattern + r"(?=\x00)")

# Admissions are worded too freely for a phrase list too (`admissions.toml` holds the fixed ones). Four
# shapes concede a fault or a fact that supports the buyer:
# - our fault: 是我们的疏忽 / 我方责任 / 这个锅我们背 / 是我方发卡接口异常 / 问题出在本平台;
# - our mistake: a first-person or staff subject, then a mistaken act in the same clause, the buyer
#   not in between (我们配货配错了, 客服当时看错单了, 仓库导重了 — but not 是您填错了);
# - the card's state: a card or code noun, then used / sold / invalid in the same clause, no negation
#   in between (那个码被人用过了, 兑换码是无效的, 卡号和密码对不上 — but not 卡没被别人用过);
# - the order's fate: 充值失败, 没充进去, 少充了, 钱是扣了的, 当时已经断货了.
# A card or order fact said together with blaming the buyer (是您自己兑换的) admits nothing.
# Like _REFUSAL, one leading character class, each alternative checking which character it was.
_WE = r"(?:我们|我方|本店|本平台|本公司|我司|咱们|咱家|俺们|我)"
_STAFF = r"(?:我们|我方|本店|我司|咱们|咱家|俺们|我|客服|同事|仓库|小二|店铺|后台|系统|机器人|技术)"
def _gap(stop: str, n: int, keys: str) -> str:
    """Up to `n` characters of the same clause, none of `stop`, followed by what the caller adds.
    A lookahead first checks, in C, that one of `keys` (characters every continuation holds) is
    near: most text passes no further."""
    return rf"(?=[^，,。！!？?；;\n]{{0,{n + 4}}}[{keys}])[^，,。！!？?；;\n{stop}]{{0,{n}}}?"
_FAULT = r"(?:失误|疏忽|过失|问题|责任|错(?!过)|锅|原因|bug|不当)"
_MISTAKE = (r"(?:(?:发|录|导|配|选|挂|输|看|充|给|卖|标|弄|搞|填|回复|操作|出库|进货|处理)(?:错|重|漏|反)(?!过)"
            r"|看走眼|漏了|漏掉|漏发|漏充|少充|多扣|出错|出岔子|出的岔子|没把关|没验|没核对|没处理好|没跟进"
            r"|重复(?:扣|发|卖|售出|分配))")
_CARD = r"(?:卡密|卡号|激活码|兑换码|礼品码|充值码|cdk|CDK|码|卡|账号)"
_CARD_STATE = (r"(?:(?:已经|早就|早|就|确实|之前|都)?(?:被|让)(?:人|别人|其他人|他人|原号主|号主)?"
               r"(?:使用|用|兑换|启用|激活|领取|核销|充值|充|盗刷|申诉找回|找回|申诉回|封|卖)"
               r"|(?:使用|用|兑换|启用|激活|领取|核销|充值|卖出去|卖)过"
               r"|卖给(?:了)?别人|(?:是)?重复(?:售出|卖|发)|已(?:被使用|被兑换|使用|失效|过期|作废)"
               r"|是错的|(?:是)?(?:废码|坏码|空卡|废卡|坏卡|死卡|作废卡|错卡|无效|失效|过期|作废|有问题|对不上)"
               r"|提示(?:已失效|不存在|已使用|已被使用|无效))")
_ADMISSION_SHAPES = {
    "fault": (r"[是属因出怪我本咱俺锅问](?:"
              r"(?<=[是属因出怪])(?:于|为|在)?" + _WE + r"(?:这边|这里|家|店|自己)?(?:[^，,。！!？?；;\s你您不没的]{1,4}的)?的?" + _FAULT +
              r"|(?<=[是因出])(?:为|在)?" + _WE + r"(?:这边|家|店)?的?" + _gap("你您没不", 8, "异障误g新通及意步当题错") +
              r"(?:出了问题|出问题|出了故障|出错了|异常|故障|错误|bug|没更新|没调通|没及时|没注意|没同步|不当)"
              r"|(?<=[我本咱俺])(?:们|方|店|平台|司|家)?(?:这边|这里|家|店|自己)?的?" + _FAULT +
              r"|(?<=锅)(?:我们|我)背|(?<=问)题出在" + _WE + r")"),
    "mistake": (r"[我本咱俺客同仓小店后系机技](?:(?:(?<=我)(?:们|方|司)?|(?<=本)店|(?<=咱)[们家]|(?<=俺)们|(?<=客)服|(?<=同)事"
                r"|(?<=仓)库|(?<=小)二|(?<=店)铺|(?<=后)台|(?<=系)统|(?<=机)器人|(?<=技)术)"
                + _gap("你您没不", 12, "错重漏反眼岔关验扣充核处跟") + _MISTAKE + ")"),
    # 号 alone is a sold game account (这个号被找回了), not the 号 of 订单号 / 手机号 / 卡号 / 账号.
    "card": (r"[卡激兑礼充cC码账号](?:(?:(?<=卡)(?:密|号)?(?!盟)|(?<=激)活码|(?<=兑)换码|(?<=礼)品码|(?<=充)值码|(?<=c)dk|(?<=C)DK|(?<=码)|(?<=账)号"
             r"|(?<=号)(?<![单机话码编卡账帐型]号))" +
             _gap("没不未别非你您", 14, "被让过别已错废坏空死效期题对示重") + _CARD_STATE + ")"),
    "order": (r"[充下未没少只钱款收当其卖拍库实](?:"
              r"(?<=充)值(?:失败|未成功|不成功|没成功)|(?<=下)单失败|(?<=未)能到账|(?<=没)(?:充进去|充上|充成功|发出去)"
              r"|(?<=少)充了|(?<=只)充了|(?<=实)际上?(?:没有?|未)发"
              r"|(?<=钱)(?:是|也|已经)?(?:扣了|到我们|已扣|我们收了)|(?<=款)项已由|(?<=收)了(?:你|您)的钱"
              r"|(?<=款)(?<!退款)(?:是|也|已经|我们)?(?:收到了|已收到|我们收到了)"
              r"|(?<=[当其卖拍])(?:时|实|给你的时候|的时候|那时)" + _gap("你您不", 6, "货存空") +
              r"(?:断货|没货|没库存|缺货|库存不足|空了)"
              r"|(?<=库)存显示有货)"),
}
_ADMISSION = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in _ADMISSION_SHAPES.items()))
_ADMITTED = {name: Meaning("admission", name) for name in _ADMISSION_SHAPES}
_FACTS = ("card", "order")  # facts, not fault: said while blaming the buyer, they admit nothing
_BLAMED_SELF = re.compile(r"(?:你|您)(?:自己|本人)")
_PROVE = re.compile(r"证明|是否|看看是不是|查查是不是")
# The mirror of "our mistake": the buyer as the subject of a mistaken act (是您下单时选错了面值,
# 肯定是你自己哪里搞错了) or of using the card (是你自己昨天晚上兑换的) blames the buyer.
_BLAME = re.compile(
    r"[你您](?<![给帮为替向跟和对与][你您])"  # 给您充过了: the buyer as the object, not the subject
    r"(?:(?:自己|本人)?" + _gap("我们没不", 10, "错漏反") + r"(?:填|输|选|写|绑|搞|弄|操作|下单|点|拍)(?:错|漏|反)(?!过)"
    r"|自己" + _gap("我们没不", 8, "换用充领绑") + r"(?:兑换|使用|用掉|用了|充了|领取|领了|绑定)"
    r"|(?:自己)?" + _gap("我们没不被", 12, "过") + r"(?:兑换|使用|用|充值|充|领取|绑定)过"  # 您之前已经在其他账号上兑换过了
    r"|(?:自己)?" + _gap("我们没不", 8, "泄漏告借享") + r"(?:泄露|泄漏|告诉(?:了)?别人|借给|分享给)"  # 你自己把密码泄露给别人
    r"|(?:自己)?的?(?:账号|帐号|号)(?:被盗|被封|异常))"  # 估计是你自己账号被盗了
)
_BLAMED = Meaning("deflection", "blames-user")
# Refusals, admissions and blame, one pass over a joined log (see _candidates); a match runs to the
# end of its text, so each text yields at most one.
def _one_leading_class(patterns: list[str]) -> str:
    """`[ab]X|[cd]Y` → `[abcd](?:(?<=[ab])X|(?<=[cd])Y)`: the engine skips, in C, every position not
    starting any of them (an alternation of classes is tried at every position: 18× slower)."""
    classes, bodies = [], []
    for pattern in patterns:
        assert pattern.startswith("[") and "]" in pattern, pattern
        chars, _, body = pattern[1:].partition("]")
        classes.append(chars)
        bodies.append(f"(?<=[{chars}]){body}")
    return "[" + "".join(dict.fromkeys("".join(classes))) + "](?:" + "|".join(bodies) + ")"


_STRUCTURES = re.compile(_one_leading_class([_REFUSAL.pattern, *_ADMISSION_SHAPES.values(), _BLAME.pattern]))
_STRUCTURES_SCAN = re.compile(f"{_STRUCTURES.pattern}[^\x00]*")


@dataclass
class Signal:
    """One signal in one message, before it becomes an event."""

    kind: str  # promise / deflection / admission / refused / demand
    phrase: str
    category: str = ""
    data: dict[str, Any] = field(default_factory=dict)


@dataclass
class _Hit:
    start: int
    end: int
    phrase: str
    meanings: list[Meaning]


class _Clauses:
    def __init__(self, text: str) -> None:
        self.text = text
        self.spans = [(m.start(), m.end()) for m in _CLAUSE.finditer(text)]
        self.starts = [s for s, _ in self.spans]

    def index(self, position: int) -> int:
        return max(bisect.bisect_right(self.starts, position) - 1, 0)

    def span(self, index: int) -> tuple[int, int]:
        return self.spans[index] if self.spans else (0, len(self.text))

    def terminator(self, index: int) -> str:
        end = self.span(index)[1]
        return self.text[end] if end < len(self.text) else ""


def analyse(text: str, role: str, when: datetime | None, vocab: Vocabulary, ordered_at: datetime | None = None) -> list[Signal]:
    """The signals in one message `text` said by `role` ("me" / "counterparty") at `when`; `ordered_at`:
    the order's time when the case knows it (下单后10分钟内 counts from it)."""
    if role not in ("me", "counterparty") or not text:
        return []
    key = (role, text)
    found = vocab.cache.get(key)
    if found is None:
        found = _analyse(text, role, vocab)
        if len(vocab.cache) < CACHE_LIMIT:
            vocab.cache[key] = found
    if not found:
        return []
    return [_resolve(signal, when, ordered_at) if signal.kind == "promise" else signal for signal in found]


def _analyse(text: str, role: str, vocab: Vocabulary) -> list[Signal]:
    """The time-free reading of one message (cached: auto-replies and canned answers repeat a lot)."""
    if role == "me":
        received = _RECEIVED.search(text) is not None
        if not received and (vocab.me_prefilter is not None and vocab.me_prefilter.search(text) is None
                             or vocab.me_re is not None and vocab.me_re.search(fold(text)) is None) \
                and _ASKED_REFUND.search(text) is None:
            return []
        norm = normalise(_drop_quotes(text))
        confirmed = _received(norm, vocab) if received else []
        return _demands(norm, vocab, [m.span() for m in _RECEIVED.finditer(norm)] if confirmed else []) + confirmed
    if len(text) <= 16 and _BARE_PROOF.fullmatch(text):
        return [Signal("deflection", text.strip(), "asks-for-proof")]
    prefilter = vocab.counterparty_prefilter
    if prefilter is not None and prefilter.search(text) is None and _STRUCTURES.search(text) is None:
        return []
    folded = fold(text)
    if vocab.counterparty_re is not None and vocab.counterparty_re.search(folded) is None \
            and _TIME_START.search(folded) is None and _STRUCTURES.search(folded) is None:
        return []
    return _counterparty(normalise(_drop_quotes(text)), vocab)


# The user says the goods arrived (到账了, 充上了, 兑换成功了, 可以用了): a delivery as good as a bill
# row, so a promise it meets is kept. Only the user's word counts: the merchant saying 已补发 proves
# nothing the user then disputes. A bare 收到了 acknowledges a message, not goods.
_CLAUSE_START = r"[^，,。！!\s\x00]"  # (in a negative lookbehind) anything but the start of a clause
_RECEIVED = re.compile(
    r"(?:到账了|充上了|充进去了|充好了|兑换成功|激活成功|开通成功|可以用了|能用了|收到卡密了|卡密收到了|收到货了|货收到了"
    + "".join(f"|{goods}(?:已经|都)?(?:到了|到账了|收到了)" for goods in ("皮肤", "点券", "会员", "q币", "Q币", "钻石", "元宝", "金币", "话费"))
    # 到了，谢谢 / 已经到了 — a clause of its own. Every branch starts with a literal and looks back past
    # it: a branch led by a lookbehind, or by 已/都 (common everywhere), is tried at far more positions
    # of a joined log.
    + r"|到(?:(?<!" + _CLAUSE_START + r"到)|(?<=已经到)(?<!" + _CLAUSE_START + r"已经到)|(?<=都到)(?<!" + _CLAUSE_START + r"都到)"
    r"|(?<=已到)(?<!" + _CLAUSE_START + r"已到))(?:了|啦|咗啦|咗)(?=[，,。！!\s~\x00]|$)"
    r"|到(?<=已到)(?<!" + _CLAUSE_START + r"已到)(?=[，,。！!\s~\x00]|$)"
    + "".join(f"|{money}(?:已经|都|已)?(?:收到了|到账了|已到账|退回来了|退回了|退到了|回来了)" for money in ("退款", "钱", "货款", "款"))
    + r"|退(?:(?<=已经退)|(?<=已退)|(?<=都退))回(?:来)?了)(?![吗么嘛没?？])"
)
# Money back, not goods: 退款收到了 / 钱退回来了 is a refund the user confirms.
_REFUND_RECEIVED = re.compile(r"退款|钱|货款|款|退回")


_RECEIVED_SCAN = re.compile(f"(?:{_RECEIVED.pattern})[^\x00]*")  # see _candidates


_PARTLY = re.compile(r"少了|少充|还差|只到了|只到账|不对|不能用|用不了|无效|错了|不是我买的")


def _received(norm: str, vocab: Vocabulary) -> list[Signal]:
    if _PARTLY.search(norm):
        return []  # 到账了，但是少了50: something came, not what was bought
    clauses = _Clauses(norm)
    for match in _RECEIVED.finditer(norm):
        if _negated_at(norm, clauses, match.start(), vocab) or _question(clauses, match.start(), vocab):
            continue  # 还没到账 / 是不是到账了？
        c_start = clauses.span(clauses.index(match.start()))[0]
        if any(word in norm[c_start:match.start()] for word in ("如果", "要是", "等", "之前", "上次", "以前")):
            continue  # 如果到账了… / 上次的到账了 speak of another time or a condition
        if _REFUND_RECEIVED.match(match.group(0)):
            said = _REFUND_AMOUNT.search(norm) or _AMOUNT_SAID.search(norm)
            number = said and (said.group("n") or said.group("m"))
            data = {"amount": str(Decimal(number).quantize(Decimal("0.01")))} if number else {}
            return [Signal("refunded", match.group(0), "confirmed", data)]
        return [Signal("delivered", match.group(0), "confirmed")]
    return []


def _resolve(signal: Signal, when: datetime | None, ordered_at: datetime | None = None) -> Signal:
    """The promise with its deadline computed from the message time (docs/signals.md conventions)."""
    data = dict(signal.data)
    spec = data.pop("spec", None)
    due = _due(spec, when) if spec is not None and when is not None else None
    counted_from_order = False
    if (due is not None and when is not None and ordered_at is not None and spec[0] == "duration" and len(spec) > 3 and spec[3]
            and ordered_at - when <= ORDER_FOLLOWS):
        # 下单后10分钟内到账 said just before the order: ten minutes from the order. Said after it, the
        # order's reading stands only while it lies ahead of the message (a due before the words binds
        # nothing); said days before the order, it may have been about another purchase.
        from_order = _due(spec, ordered_at)
        if from_order is not None and from_order.due > when:
            due, counted_from_order = from_order, True
    if due is not None and spec[0] == "clock" and when is not None and due.due <= when:
        # 今天上午10点前 said at 15:00: the time had passed when it was said; no deadline to hold it to.
        data["due_passed"] = isoformat(due.due)
        due = None
    if due is not None:
        deadline = due.to_json()
        data["due"] = deadline["due"]  # isoformat(due.due), as the deadline has it
        data["rule"] = due.rule
        data["deadline"] = deadline
        if counted_from_order:
            data["deadline"] = {**deadline, "counted_from": "order", "from": isoformat(ordered_at)}
    return Signal(signal.kind, signal.phrase, signal.category, data)


def _due(spec: tuple[Any, ...], when: datetime) -> deadlines.Due | None:
    kind = spec[0]
    if kind == "anchored":
        return deadlines.anchored(when, spec[1])
    if kind == "duration":
        amount, unit = spec[1], spec[2]
        due = deadlines.duration(when, int(round(amount)), unit)
        if unit in ("分钟", "min", "小时", "h") and amount != int(amount):
            due.due = when + (timedelta(hours=amount) if unit in ("小时", "h") else timedelta(minutes=amount))
        return due
    if kind == "clock":
        return deadlines.clock(when, spec[1], spec[2], spec[3], twelve_hour=len(spec) > 4 and spec[4])
    if kind == "weekday":
        return deadlines.weekday(when, spec[1], spec[2])
    return None


def _drop_quotes(text: str) -> str:
    if "引用" not in text and "> " not in text and "「" not in text and "- - -" not in text:
        return text
    return "\n".join(line for line in text.split("\n") if not _QUOTE_LINE.match(line.strip()))


# --- counterparty --------------------------------------------------------------------------------


def _counterparty(norm: str, vocab: Vocabulary) -> list[Signal]:
    assert vocab.counterparty_re is not None
    hits = [_Hit(m.start(), m.end(), m.group(0), vocab.counterparty[m.group(0)]) for m in vocab.counterparty_re.finditer(norm)]
    # 我们不会不给你退的: a refusal under a negation is a double negation, a commitment
    refusals = [_Hit(m.start(), m.end(), m.group(0), [_REFUSED]) for m in _REFUSAL.finditer(norm)
                if not norm.endswith(_UNDER_NEGATION, 0, m.start())]
    if "你" in norm or "您" in norm:
        hits += [_Hit(m.start(), m.end(), m.group(0), [_BLAMED]) for m in _BLAME.finditer(norm)
                 if not any(h.start <= m.start() < h.end for h in hits)]
    admissions = [_Hit(m.start(), m.end(), m.group(0), [_ADMITTED[m.lastgroup or "fault"]]) for m in _ADMISSION.finditer(norm)]
    if refusals or admissions:
        # Inside a refusal, 补/发 promise nothing (没办法给您再补一张); inside an admission of our own
        # fault or of the order's fate, 接口 / 断货 blame no third party (是我方发卡接口异常, 当时没货了)
        # and 输错 no buyer (我们录单的同事输错的).
        hits = [h for h in hits if not _inside(h, refusals, ("anchored", "vague", "outcome"))
                and not _inside(h, [a for a in admissions if a.meanings[0].category != "card"], ("deflection",))]
        hits += [h for h in refusals + admissions if not any(other.start <= h.start < other.end for other in hits)]
        hits.sort(key=lambda hit: hit.start)
    if not hits and _DIGIT.search(norm) is None and "周" not in norm and "星期" not in norm:
        return []
    clauses = _Clauses(norm)
    signals: list[Signal] = []
    context_clauses = {clauses.index(h.start) for h in hits
                       if any(m.kind == "deflection" and m.category in _CONTEXT_DEFLECTIONS for m in h.meanings)}
    seen_categories: set[str] = set()
    blamed: bool | None = None  # computed when a fact needs it
    own_fault = False  # an admitted fault of our own: the supplier it names is no excuse
    for hit in hits:
        for meaning in hit.meanings:
            if meaning.kind == "deflection" and meaning.category not in seen_categories:
                if _negated(norm, clauses, hit, vocab):
                    continue
                if meaning.category in ("system-delay", "upstream") and (
                        _conditional(norm, clauses, hit.start, vocab)
                        or _LONG_AGO.search(norm, clauses.span(clauses.index(hit.start))[0], hit.start)):
                    continue  # 如果官方那边不延迟的话 / 上次系统延迟是去年的事了: no excuse for this order
                if meaning.category == "system-delay" and _right_after(hits, hit, "upstream"):
                    continue  # 官方那边延迟了: the third party's delay, one excuse
                if meaning.category == "asks-to-wait" and _THANKS.search(norm, max(0, hit.start - 4), hit.start):
                    continue  # 感谢您的耐心等待: a closing formula
                # 是不是您填错了？ / 能发下截图吗？ / 急什么 still blame, ask or stall in question form
                if meaning.category not in _QUESTION_FORM_DEFLECTIONS and _question(clauses, hit.start, vocab):
                    continue
                seen_categories.add(meaning.category)
                signals.append(Signal("deflection", hit.phrase, meaning.category))
            elif meaning.kind in ("admission", "refused") and not any(s.kind == meaning.kind for s in signals):
                # 呢 closes statements here (不能为您退款呢, 是我们的失误呢); a question asks with ？ or a marker.
                if _negated(norm, clauses, hit, vocab) or _question(clauses, hit.start, vocab, particles=False):
                    continue
                if meaning.kind == "admission" and (_conditional(norm, clauses, hit.start, vocab)
                                                    or norm.startswith("的话", hit.end)):
                    continue  # 如果是我们的问题… / 充值失败的话… admits nothing
                if meaning.category in _FACTS and (_asked_to_prove(norm, clauses, hit.start)
                                                   or (blamed if blamed is not None else (blamed := _blames(hits, norm)))):
                    continue
                signals.append(Signal(meaning.kind, hit.phrase))
                own_fault = own_fault or meaning.kind == "admission" and meaning.category not in _FACTS
    if own_fault:
        signals = [s for s in signals if not (s.kind == "deflection" and s.category == "upstream")]
    promise = _promise(norm, hits, clauses, context_clauses, vocab)
    if promise is not None:
        signals.insert(0, promise)
    return signals


def _promise(norm: str, hits: list[_Hit], clauses: _Clauses, context: set[int], vocab: Vocabulary) -> Signal | None:
    timed: list[tuple[int, Signal]] = []
    untimed: list[tuple[int, Signal]] = []
    for hit in hits:
        for meaning in hit.meanings:
            if meaning.kind not in _PROMISE_KINDS:
                continue
            if _question(clauses, hit.start, vocab) or _negated(norm, clauses, hit, vocab):
                continue
            if meaning.kind == "anchored":
                if _time_valid(norm, clauses, hit.start, hit.end, context, vocab) and not _past(norm, hit):
                    spec = ("anchored", meaning.category)
                    timed.append((hit.start, _promise_signal(hit.phrase, spec, meaning.category, norm, clauses, hit.start, vocab)))
            elif meaning.kind == "vague":
                if _vague_valid(norm, clauses, hit, vocab) and not _GUESS.search(norm, clauses.span(clauses.index(hit.start))[0], hit.start):
                    untimed.append((hit.start, _promise_signal(hit.phrase, None, "vague", norm, clauses, hit.start, vocab)))
            elif not _past(norm, hit) and not norm.endswith(("只能", "才能", "才可以", "才会"), 0, hit.start):
                # 需要核实一下才能给您处理: the condition of an outcome, not a commitment to it
                # 只能给您补发 states the limit of what is offered, inside a refusal; it commits to nothing
                untimed.append((hit.start, _promise_signal(hit.phrase, None, "outcome", norm, clauses, hit.start, vocab)))
    if _DIGIT.search(norm) is not None:
        timed += _durations(norm, clauses, context, vocab) + _clocks(norm, clauses, context, vocab)
    if "周" in norm or "星期" in norm or "礼拜" in norm:
        timed += _weekdays(norm, clauses, context, vocab)
    if timed:
        # The first time said wins; at the same place the clock, which is more precise than the day
        # word it starts with (明天10点前: 10:00 tomorrow, not the end of tomorrow), then the longer reading
        # (下周三: Wednesday, not the end of next week).
        timed.sort(key=lambda pair: (pair[0], pair[1].category != "clock", -len(pair[1].phrase)))
        signal = timed[0][1]
        commitments = [s.phrase for _, s in untimed if s.category == "outcome"]
        if commitments:
            signal.data["commitments"] = commitments
        return signal
    if untimed:
        untimed.sort(key=lambda pair: (pair[1].category != "vague", pair[0]))
        signal = untimed[0][1]
        signal.data["commitments"] = [s.phrase for _, s in untimed if s.category == "outcome"]
        return signal
    return None


def _promise_signal(phrase: str, spec: tuple[Any, ...] | None, rule: str, norm: str, clauses: _Clauses, position: int,
                    vocab: Vocabulary) -> Signal:
    index = clauses.index(position)
    start, end = clauses.span(index)
    clause = norm[start:end]
    before = norm[clauses.span(index - 1)[0] if index else start:position]
    data: dict[str, Any] = {
        "due": None,
        "vague": rule in ("vague", "outcome"),
        "rule": rule,
        "hedged": vocab.hedge_re.search(clause) is not None,  # type: ignore[union-attr]
        "conditional": vocab.condition_re.search(before) is not None,  # type: ignore[union-attr]
    }
    if spec is not None:
        data["spec"] = spec
    return Signal("promise", phrase, rule, data)


def _durations(norm: str, clauses: _Clauses, context: set[int], vocab: Vocabulary) -> list[tuple[int, Signal]]:
    found = []
    for match in _DURATION.finditer(norm):
        start = match.start()
        previous = norm[start - 1] if start else ""
        if (previous and previous in "月年第-/:.") or (match.group("unit") == "日" and previous.isdigit()):
            continue  # 5月1日, 第三天, a date or a time, not a duration
        after = norm[match.end():match.end() + 2]
        if match.group("within") and match.group("within").strip() in ("以后", "后") and match.group("unit") in ("分钟", "小时"):
            pass
        prefix = norm[clauses.span(clauses.index(start))[0]:start]
        if prefix.endswith(_ELAPSED_BEFORE) or (not match.group("within") and after.startswith(_ELAPSED_AFTER)):
            continue
        if after.startswith("前") or any(word in prefix for word in _PAST_CONTEXT):
            continue  # 5分钟前 = five minutes ago; 之前说的5分钟 reports, it does not promise
        if _question(clauses, start, vocab) or _negated_at(norm, clauses, start, vocab):
            continue
        if not _time_valid(norm, clauses, start, match.end(), context, vocab):
            continue
        amount = float(match.group("n2") or match.group("n1"))
        unit = match.group("unit")
        spec = ("duration", amount, unit, _AFTER_ORDER.search(prefix) is not None)
        signal = _promise_signal(match.group(0).strip(), spec, _UNIT_RULE.get(unit, "days"), norm, clauses, start, vocab)
        signal.data["amount"] = match.group("n2") or match.group("n1")
        signal.data["unit"] = unit
        if match.group("within") and "左右" in match.group("within"):
            signal.data["hedged"] = True
        found.append((start, signal))
    return found


def _clocks(norm: str, clauses: _Clauses, context: set[int], vocab: Vocabulary) -> list[tuple[int, Signal]]:
    found = []
    for match in _CLOCK.finditer(norm):
        start = match.start()
        if _question(clauses, start, vocab) or _negated_at(norm, clauses, start, vocab):
            continue
        if not _time_valid(norm, clauses, start, match.end(), context, vocab):
            continue
        hour = int(match.group("h"))
        period = match.group("period")
        if not period and not match.group("day"):
            # 今天下午人多，5点前给你充好: the part of the day said just before still holds
            said = _PERIOD_BEFORE.findall(norm, max(0, start - 12), start)
            period = said[-1] if said else None
        night = period == "晚上" or not period and match.group("day") in ("今晚", "明晚")
        evening = night or period in ("下午", "傍晚")
        if night and hour == 12:
            hour = 24  # 今晚12点 / 晚上12点 is midnight, 24:00 of that day, never noon
        elif evening and hour < 12 or period == "中午" and hour < 6:
            hour += 12
        if hour > 24:
            continue
        minute = 30 if match.group("m") == "半" else int(match.group("m") or 0)
        if minute > 59:
            continue
        day = match.group("day")
        # 12点 without a part of the day is noon or midnight: said after noon, midnight (12点前 at 19:25 = 24:00)
        spec = ("clock", hour, minute, _DAY_OFFSET.get(day) if day else None, not period and hour <= 12 and day != "明早")
        found.append((start, _promise_signal(match.group(0), spec, "clock", norm, clauses, start, vocab)))
    return found


def _weekdays(norm: str, clauses: _Clauses, context: set[int], vocab: Vocabulary) -> list[tuple[int, Signal]]:
    found = []
    for match in _WEEKDAY.finditer(norm):
        start = match.start()
        if _WEEKDAY_RANGE.match(norm, match.end()) or norm[max(start - 1, 0):start] in ("到", "至", "-"):
            continue  # 周一到周五: business hours, not a deadline
        if norm.endswith(("上", "上个", "这个", "本"), 0, start) and "已" in norm[clauses.span(clauses.index(start))[0]:]:
            continue  # 上周五我们已经给您退过了: a day that has been
        if _question(clauses, start, vocab) or _negated_at(norm, clauses, start, vocab):
            continue
        if not _time_valid(norm, clauses, start, match.end(), context, vocab):
            continue
        spec = ("weekday", match.group("d"), bool(match.group("next")))
        found.append((start, _promise_signal(match.group(0), spec, "weekday", norm, clauses, start, vocab)))
    return found


def _time_valid(norm: str, clauses: _Clauses, start: int, end: int, context: set[int], vocab: Vocabulary) -> bool:
    """A time expression promises when an action verb goes with it (see the module docstring)."""
    assert vocab.verbs_re is not None
    index = clauses.index(start)
    if index in context:
        return False
    if _HYPOTHESIS.search(norm, clauses.span(index)[0], start) and index + 1 < len(clauses.spans) \
            and _BUYER_ACTS.match(norm, clauses.span(index + 1)[0]):
        return False  # 要是今天还没到，你再来找我: the time of a hypothesis whose consequence is the buyer's to act on
    c_start, c_end = clauses.span(index)
    if _BUSY.search(norm, c_start, c_end):
        return False  # 今天充值的人比较多: the time of an excuse, not of a commitment
    rest = norm[c_start:start] + " " + norm[end:c_end]
    if vocab.verbs_re.search(rest):
        return True
    if len(_FILLER.sub("", rest)) <= 2:
        for neighbour in (index - 1, index + 1):
            if 0 <= neighbour < len(clauses.spans) and neighbour not in context:
                n_start, n_end = clauses.span(neighbour)
                if vocab.verbs_re.search(norm[n_start:n_end]):
                    return True
    return False


def _vague_valid(norm: str, clauses: _Clauses, hit: _Hit, vocab: Vocabulary) -> bool:
    assert vocab.verbs_re is not None
    index = clauses.index(hit.start)
    c_start, c_end = clauses.span(index)
    before = norm[c_start:hit.start]
    after = norm[hit.end:c_end]
    if before.endswith(("等", "再等", "稍等", "请", "您", "你", "要买", "要的话")) or "请您" in before or "请你" in before:
        return False  # 再等一会 / 请您稍后查看: the user is asked to act, nothing is promised
    if vocab.verbs_re.search(after):
        return True
    return len(_FILLER.sub("", before + after)) <= 2


def _past(norm: str, hit: _Hit) -> bool:
    return norm[:hit.start].endswith(_PAST_BEFORE) or norm[hit.end:hit.end + 1] == "了" and norm[hit.end:hit.end + 2] != "了再"


def _inside(hit: _Hit, spans: list[_Hit], kinds: tuple[str, ...]) -> bool:
    """Whether `hit` (with a meaning of one of `kinds`) lies within one of `spans`."""
    return any(span.start <= hit.start and hit.end <= span.end for span in spans) and any(m.kind in kinds for m in hit.meanings)


def _asked_to_prove(norm: str, clauses: _Clauses, position: int) -> bool:
    """证明卡密是无效的 / 看看是否充值失败: the fact is what the buyer is asked to show, not said."""
    return _PROVE.search(norm, clauses.span(clauses.index(position))[0], position) is not None


def _blames(hits: list[_Hit], norm: str) -> bool:
    """Whether the message blames the buyer (是您自己兑换的): then a fact it states admits nothing."""
    return _BLAMED_SELF.search(norm) is not None or any(
        m.kind == "deflection" and m.category == "blames-user" for hit in hits for m in hit.meanings)


def _question(clauses: _Clauses, position: int, vocab: Vocabulary, particles: bool = True) -> bool:
    """Whether the clause at `position` asks. `particles=False`: a final 呢 alone does not make it ask."""
    index = clauses.index(position)
    start, end = clauses.span(index)
    clause = clauses.text[start:end].rstrip(" 啊呀~")
    if clauses.terminator(index) in ("？", "?"):
        return True
    endings = vocab.question_endings if particles else tuple(e for e in vocab.question_endings if e != "呢")
    if clause.endswith(endings) and not clause.endswith(("好了呢", "了呢")):
        return True
    return vocab.question_marker_re.search(clause) is not None  # type: ignore[union-attr]


_THANKS = re.compile(r"感谢|谢谢|多谢")
_UNDER_NEGATION = ("不会", "不可能", "不能", "没有", "绝不会", "绝对不会")
_LONG_AGO = re.compile(r"上次|上回|去年|以前")
# A guess is no commitment: 说不定一会儿就到了 / 应该很快的 (a vague word after one of these).
_GUESS = re.compile(r"(?:说不定|应该|可能|估计|大概|也许)[^，,。！!？?；;]{0,3}$")
# The time belongs to a hypothesis, not to a commitment: 要是今天还没到，你再来找我.
_HYPOTHESIS = re.compile(r"如果|要是|假如|万一|若是|就算|即使|即便|哪怕")
_BUYER_ACTS = re.compile(r"\s*(?:亲|那)?\s*(?:你|您)(?!们)")


def _right_after(hits: list[_Hit], hit: _Hit, category: str) -> bool:
    return any(other.end <= hit.start <= other.end + 2 and any(m.kind == "deflection" and m.category == category for m in other.meanings)
               for other in hits)


def _conditional(norm: str, clauses: _Clauses, position: int, vocab: Vocabulary) -> bool:
    c_start = clauses.span(clauses.index(position))[0]
    return vocab.condition_re.search(norm, c_start, position) is not None  # type: ignore[union-attr]


def _negated(norm: str, clauses: _Clauses, hit: _Hit, vocab: Vocabulary) -> bool:
    return _negated_at(norm, clauses, hit.start, vocab)


def _negated_at(norm: str, clauses: _Clauses, position: int, vocab: Vocabulary) -> bool:
    c_start = clauses.span(clauses.index(position))[0]
    prefix = _A_NOT_A.sub("", norm[c_start:position])
    if not prefix:
        return False
    if prefix.endswith(("不会不", "不可能不", "不能不", "没有不")):
        return False  # 我们不会不给你退的: a double negation affirms
    if prefix[-1] in "不没别未":
        return True
    return vocab.negation_re.search(prefix) is not None  # type: ignore[union-attr]  # a word within its last 2 chars


# --- the user ------------------------------------------------------------------------------------


def _demands(norm: str, vocab: Vocabulary, confirmed: list[tuple[int, int]] = ()) -> list[Signal]:  # type: ignore[assignment]
    """`confirmed`: spans where the user says the money or goods arrived (钱退回来了 asks for nothing)."""
    assert vocab.me_re is not None
    matches = [m for m in vocab.me_re.finditer(norm) if not any(a < m.end() and m.start() < b for a, b in confirmed)]
    asked = [m for m in _ASKED_REFUND.finditer(norm) if not any(a < m.end() and m.start() < b for a, b in confirmed)]
    if not matches and not asked:
        return []
    clauses = _Clauses(norm)
    claims: list[str] = []
    channels: list[str] = []
    phrases: list[str] = []
    amounts: dict[str, Decimal] = {}
    for match in matches:
        phrase = match.group(0)
        if phrase.isdigit() and (norm[match.start() - 1:match.start()].isdigit() or norm[match.end():match.end() + 1].isdigit()
                                 or not (_CALL_VERB.search(norm[clauses.span(clauses.index(match.start()))[0]:match.start()])
                                         or norm.startswith(("见", "投诉", "举报", "告"), match.end()))):
            continue  # 110面值 / 12315开头: a number, not a call to 12315 or the police
        if _negated_at(norm, clauses, match.start(), vocab) and not phrase.startswith(("不", "没")):
            continue
        c_start = clauses.span(clauses.index(match.start()))[0]
        if _NOT_A_CLAIM_BEFORE.search(norm, c_start, match.start()) and any(m.kind == "claim" for m in vocab.me[phrase]):
            continue
        for meaning in vocab.me[phrase]:
            if meaning.kind == "claim" and meaning.category not in claims:
                claims.append(meaning.category)
                phrases.append(phrase)
            if meaning.kind == "claim" and meaning.category in ("refund", "compensation") and meaning.category not in amounts:
                amount = _claim_amount(norm, clauses, match.start(), match.end())
                if amount is None and meaning.category == "refund" and (said := _REFUND_AMOUNT.search(norm)):
                    amount = Decimal(said.group("n")).quantize(Decimal("0.01"))  # 好，退款100元，原路退回
                if amount is not None:
                    amounts[meaning.category] = amount
            elif meaning.kind == "threat" and meaning.category not in channels and not norm.startswith("过", match.end()):
                # 投诉过 / 举报过: something done before, reported, not threatened
                c_start, c_end = clauses.span(clauses.index(match.start()))
                if _NOT_A_THREAT_BEFORE.search(norm, c_start, match.start()) or _NOT_A_THREAT_AFTER.match(norm, match.end(), c_end + 4):
                    continue  # 我差点就打12315了 / 本来想去投诉的 / 我朋友打了12315也没用: no threat made
                channels.append(meaning.category)
                phrases.append(phrase)
    for match in asked:
        if "refund" in claims:
            break
        verb = match.start("verb")
        c_start = clauses.span(clauses.index(match.start()))[0]
        if (_negated_at(norm, clauses, match.start(), vocab) or _negated_at(norm, clauses, verb, vocab)
                or _question(clauses, verb, vocab) or _NOT_A_CLAIM_BEFORE.search(norm, c_start, match.start())):
            continue  # 我不希望退款 / 请不要退款 / 要求退款可以吗？ / 朋友说要求退款
        claims.append("refund")
        phrases.append(match.group(0))
        amount = _claim_amount(norm, clauses, verb, match.end())
        if amount is None and (said := _REFUND_AMOUNT.search(norm)):
            amount = Decimal(said.group("n")).quantize(Decimal("0.01"))
        if amount is not None:
            amounts["refund"] = amount
    if not claims and not channels:
        return []
    specific = [c for c in channels if c != "complaint"]
    amount = amounts.get("refund", amounts.get("compensation"))
    data = {
        "claim": claims[0] if claims else None, "claims": claims,
        "amount": str(amount) if amount is not None else None,
        "amounts": {claim: str(value) for claim, value in amounts.items()},
        "threat": bool(channels), "channel": (specific or channels or [None])[0], "channels": specific or channels,
    }
    return [Signal("demand", "、".join(phrases), data["claim"] or "threat", data)]


# A refund asked for in the user's own words (请按包赔承诺退款1200元, 希望你们尽快退款, 要求商家全额退款):
# a request word, at most ten characters of the same clause, a refund verb. Not 请问 (a question), not
# the refund's progress (请查一下退款进度) or arrival (麻烦看下退款到账了没).
_ASKED_REFUND = re.compile(
    r"[请麻希要务](?:(?<=请)(?!问)|(?<=麻)烦(?!问)|(?<=希)望|(?<=要)求|(?<=务)必)"
    r"[^，,。！!？?；;\n\x00]{0,10}?(?P<verb>全额退款|退款|退钱|退还|退回|退全款)"
    r"(?!进度|状态|记录|流程|到账|到了|收到|了|成功|申请(?:已|了))"
)
_ASKED_REFUND_SCAN = re.compile(f"(?:{_ASKED_REFUND.pattern})[^\x00]*")  # see _candidates
_NOT_A_THREAT_BEFORE = re.compile(r"差点|差一点|本来|原本|本想|都想|想过|朋友|同事|别人|人家|他|她|上次|上回|以前")
# A claim someone else made, or made before: 上次退一赔三那个商家就是这么说的.
_NOT_A_CLAIM_BEFORE = re.compile(r"上次|上回|以前|朋友|同事|别人|人家|他们?(?=说|去|也)|她们?(?=说|去|也)")
_NOT_A_THREAT_AFTER = re.compile(r"[^，,。！!？?；;]{0,6}?(?:也没用|没用|不管用|没结果|也不管)")


def _claim_amount(norm: str, clauses: _Clauses, position: int, phrase_end: int) -> Decimal | None:
    """The amount said with the claim phrase at `position`..`phrase_end`: with a unit or ￥ anywhere in
    its clause, or a bare number right before or right after the phrase (95原路退回, 我要退款300)."""
    start, end = clauses.span(clauses.index(position))
    for match in _AMOUNT.finditer(norm, start, end):
        number = match.group("n")
        tail = norm[match.end():match.end() + 3]
        if number in ("12315", "110") or tail.startswith(("分钟", "小时", "天", "个", "工作日", "min", "h", "点", "号", "月", "年", "%")):
            continue
        if (match.group("unit") or match.group(0).lstrip().startswith(("￥", "¥")) or abs(match.start() - position) <= 2
                or match.end() == position or match.start() == phrase_end):
            return Decimal(number).quantize(Decimal("0.01"))
    # 退款吧，98.5元: the next clause may be nothing but the amount.
    index = clauses.index(position) + 1
    if index < len(clauses.spans):
        alone = _AMOUNT_ALONE.fullmatch(norm, *clauses.span(index))
        if alone is not None and (alone.group("unit") or alone.group("sign") or "." in alone.group("n")) and alone.group("n") not in ("12315", "110"):
            return Decimal(alone.group("n")).quantize(Decimal("0.01"))  # a bare 5 or 12315 is no amount
    return None


# --- events --------------------------------------------------------------------------------------

_KIND_OF = {"promise": "promise", "deflection": "deflection", "admission": "admission", "refused": "refused", "demand": "demand",
            "delivered": "delivered", "refunded": "refunded"}


def extract_signals(messages: list[Event], ctx: Any = None, vocab: Vocabulary | None = None) -> list[Event]:
    """Signal events for the message events of one chat exhibit."""
    spoken: dict[str, tuple[list[int], list[str]]] = {"me": ([], []), "counterparty": ([], [])}
    for index, event in enumerate(messages):
        if event.kind == "message" and event.actor in spoken and event.data.get("type") == "text":
            text = event.data.get("text", "")
            if text:
                indexes, texts = spoken[event.actor]
                indexes.append(index)
                texts.append(text)
    return signals_of_texts(messages, spoken, ctx, vocab)


def signals_of_texts(messages: list[Event], spoken: dict[str, tuple[list[int], list[str]]], ctx: Any = None,
                     vocab: Vocabulary | None = None) -> list[Event]:
    """`extract_signals` when the caller already has the text messages of each speaker: `spoken[role]`
    is (indexes into `messages`, their texts), in log order.

    The first look is taken over the whole log at once: each speaker's texts joined, the phrase tries
    run once over the result in C, hits mapped back to messages. Only messages with a hit are read
    closely — in a long log that is a small minority."""
    vocab = vocab or load(getattr(ctx, "case_root", None))
    case = getattr(ctx, "case", None)
    ordered_at = case.order.paid_at if case is not None else None
    lang = get_lang()
    found: list[Event] = []
    counts: dict[tuple[str, str], int] = {}
    summaries: dict[tuple[Any, ...], str] = {}
    for index, text in _candidates(spoken, vocab):
        message = messages[index]
        for signal in analyse(text, message.actor, message.time, vocab, ordered_at):
            key = (signal.kind, signal.category)
            counts[key] = counts.get(key, 0) + 1
            found.append(_event(message, signal, counts[key], lang, summaries))
    return found


def _candidates(spoken: dict[str, tuple[list[int], list[str]]], vocab: Vocabulary) -> list[tuple[int, str]]:
    """(index, text) of the messages worth a close reading, in log order: those where a phrase of the
    speaker's vocabulary (or, for the counterparty, the start of a time expression or a refusal
    pattern) occurs. A superset of what `analyse` would find anything in; it applies every check again.

    Each speaker's texts are joined with NUL between them and scanned once per pattern; a pattern
    ends in `[^\\x00]*`, so a text yields at most one match and the scan jumps to the next text."""
    found: dict[int, str] = {}
    for role, patterns in (("me", (vocab.me_scan, _RECEIVED_SCAN, _ASKED_REFUND_SCAN)), ("counterparty", (vocab.counterparty_scan, _TIME_SCAN, _STRUCTURES_SCAN))):
        indexes, texts = spoken[role]
        if not indexes:
            continue
        joined = "\x00".join(texts)
        which = partial(bisect.bisect_right, list(accumulate(map((1).__add__, map(len, texts)))))  # text of a position
        for pattern in patterns:
            if pattern is not None:
                for position in map(which, [match.start() for match in pattern.finditer(joined)]):
                    found[indexes[position]] = texts[position]
        if role == "counterparty":  # whole texts: NUL on both sides, the match starts at the NUL before
            for position in map(which, [match.start() for match in _BARE_PROOF_SCAN.finditer(f"\x00{joined}\x00")]):
                found[indexes[position]] = texts[position]
    return sorted(found.items())


_UNCERTAIN_FLAGS = frozenset({"no-year", "no-date", "unknown", "minute"})


def _event(message: Event, signal: Signal, occurrence: int, lang: str, summaries: dict[tuple[Any, ...], str]) -> Event:
    kind = signal.kind
    said = message.data
    data: dict[str, Any] = {"phrase": signal.phrase, "text": said.get("text", ""), "message_index": said.get("index"),
                            "sender": said.get("sender", ""), **signal.data}
    amount = None
    if kind == "deflection":
        data["category"] = signal.category
        data["repeat"] = occurrence
    elif kind in ("delivered", "refunded"):
        data["category"] = signal.category  # "confirmed": the user's own word, not a transfer in the chat
    elif kind == "promise":
        if data.get("due") is None:
            data.pop("deadline", None)
        uncertain = [flag for flag in message.time_flags if flag in _UNCERTAIN_FLAGS]
        if uncertain:
            data["due_uncertain"] = uncertain
    elif kind in ("demand", "refunded") and data.get("amount"):
        amount = Decimal(data["amount"])
    # Summaries repeat (same phrase, same category): each distinct one is rendered once.
    summary_key = (kind, signal.category, signal.phrase, data.get("due"), data.get("claim"),
                   tuple(data["channels"]) if data.get("threat") else None)
    summary = summaries.get(summary_key)
    if summary is None:
        summary = summaries[summary_key] = say_again(say(kind, data), lang) or ""
    # the user confirms what the other side delivered or paid back
    actor = "merchant" if kind in ("delivered", "refunded") else message.actor
    return Event("", message.time, _KIND_OF[kind], actor, summary, amount, None, None, message.locator,
                 round(0.8 * message.confidence, 3), message.source, message.time_flags, data)  # flags lists are never changed in place
