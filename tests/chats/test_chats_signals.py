"""Signal extraction on single messages: promises and their deadlines (the conventions in
docs/signals.md), negations and questions, deflection categories, admissions, refusals, demands."""

from __future__ import annotations

from pathlib import Path

import pytest

from kameng_cli.parsing.times import parse_time
from kameng_cli.signals.extract import analyse
from kameng_cli.signals.vocabulary import load

AT = parse_time("2024-05-01 10:00:00")  # a Wednesday, 劳动节 holiday (5/1–5/5, 5/11 make-up workday)


def signals(text: str, role: str = "counterparty", when=AT, case_root: Path | None = None):
    return analyse(text, role, when, load(case_root))


def promise(text: str, when=AT):
    found = [s for s in signals(text, when=when) if s.kind == "promise"]
    return found[0] if found else None


@pytest.mark.parametrize(("text", "due"), [
    ("5分钟到账", "2024-05-01T10:05:00+08:00"),
    ("五分钟之内到账哈", "2024-05-01T10:05:00+08:00"),
    ("半小时内给你发", "2024-05-01T10:30:00+08:00"),
    ("24小时内处理", "2024-05-02T10:00:00+08:00"),
    ("二十四小时内给您答复", "2024-05-02T10:00:00+08:00"),
    ("明天中午前给您补发", "2024-05-02T12:00:00+08:00"),
    ("明天给你补发", "2024-05-03T00:00:00+08:00"),
    ("今晚之前给你弄好", "2024-05-02T00:00:00+08:00"),
    ("今天下班前处理", "2024-05-01T18:00:00+08:00"),
    ("晚上8点前给你发", "2024-05-01T20:00:00+08:00"),
    ("后天给您发", "2024-05-04T00:00:00+08:00"),
    ("周一处理", "2024-05-07T00:00:00+08:00"),
    # A day word with a clock time: the clock time of that day, not the end of the day.
    ("明早十点前一定给你补发", "2024-05-02T10:00:00+08:00"),
    ("明天上午10点前给您处理", "2024-05-02T10:00:00+08:00"),
    ("明天10点给你处理", "2024-05-02T10:00:00+08:00"),
    ("今晚八点前肯定发你", "2024-05-01T20:00:00+08:00"),
    ("今天下午5点前给您回复", "2024-05-01T17:00:00+08:00"),
    ("明晚8点前发你", "2024-05-02T20:00:00+08:00"),
])
def test_promise_deadlines(text: str, due: str) -> None:
    found = promise(text)
    assert found is not None and found.data["due"] == due and found.data["vague"] is False


def test_working_days_skip_holidays_and_count_make_up_days() -> None:
    # Said on Friday 2024-09-27: 9/28 Sat off, 9/29 Sun make-up workday (1), 9/30 (2), 10/1–10/7 National
    # Day, 10/8 (3): the period ends at 24:00 of 10/8.
    found = promise("3个工作日内退款", when=parse_time("2024-09-27 15:00"))
    assert found is not None and found.data["due"] == "2024-10-09T00:00:00+08:00"
    calendar = found.data["deadline"]["calendar"]
    assert "2024-09-29" in calendar["worked_weekends"]
    assert {d["date"] for d in calendar["skipped"]} >= {"2024-09-28", "2024-10-01", "2024-10-07"}


def test_range_takes_its_upper_bound_and_hedges_are_marked() -> None:
    found = promise("正常5-10分钟内到账")
    assert found is not None and found.data["due"] == "2024-05-01T10:10:00+08:00" and found.data["hedged"] is True


@pytest.mark.parametrize("text", ["马上给你发", "稍后给您补发", "尽快处理", "亲，马上", "一定给你处理"])
def test_vague_promises_have_no_due(text: str) -> None:
    found = promise(text)
    assert found is not None and found.data["due"] is None and found.data["vague"] is True


@pytest.mark.parametrize("text", [
    "能不能5分钟到账？", "不能保证5分钟到账", "不是马上就能到", "您是要今天处理吗", "都24小时了", "已经过了24小时",
    "今天通道维护", "请您稍后查看", "再等一会", "明天几点？", "卡都是新出库的", "我们没法今天处理",
])
def test_questions_negations_and_context_do_not_promise(text: str) -> None:
    assert promise(text) is None


def test_the_user_never_promises() -> None:
    assert [s for s in signals("你说的5分钟呢", role="me") if s.kind == "promise"] == []


def test_no_message_time_means_no_due() -> None:
    found = promise("24小时内处理", when=None)
    assert found is not None and found.data["due"] is None


@pytest.mark.parametrize(("text", "category"), [
    ("系统延迟，请稍等", "system-delay"), ("上游掉单了", "upstream"), ("第三方接口问题", "upstream"),
    ("是不是您操作不当输错了？", "blames-user"), ("已反馈相关部门", "escalated"), ("请耐心等待", "asks-to-wait"),
    ("请提供充值失败的截图", "asks-for-proof"),
])
def test_deflection_categories(text: str, category: str) -> None:
    assert category in {s.category for s in signals(text) if s.kind == "deflection"}


def test_negated_deflection_and_admission_do_not_count() -> None:
    assert [s.kind for s in signals("不是我们的问题")] == []
    assert [s.kind for s in signals("不是系统延迟")] == []


def test_admission_and_refusal() -> None:
    assert "admission" in {s.kind for s in signals("这张卡密在发给你之前已经被使用过了，是我们出库的问题")}
    assert "refused" in {s.kind for s in signals("虚拟商品发货后不支持退款")}


def test_demands_with_amounts_and_threats() -> None:
    found = signals("我不要补发了，要求退款，95原路退回", role="me")
    assert len(found) == 1 and found[0].data["claim"] == "refund" and found[0].data["amount"] == "95.00"
    threat = signals("不处理我就去12315和黑猫投诉", role="me")[0]
    assert threat.data["threat"] is True and threat.data["channel"] == "12315" and "heimao" in threat.data["channels"]
    assert signals("我不会去投诉的", role="me") == []
    assert signals("我不要退款", role="me") == []
    assert signals("要求赔偿，退一赔三", role="me")[0].data["claim"] == "compensation"


def test_case_vocabulary_extends_the_built_in_one(tmp_path: Path) -> None:
    folder = tmp_path / "signals"
    folder.mkdir()
    (folder / "mine.toml").write_text('[deflections.upstream]\nphrases = ["卡商那边没回"]\n\n[deflections.escalated]\nignore = ["已反馈"]\n',
                                      encoding="utf-8")
    assert "upstream" in {s.category for s in signals("卡商那边没回", case_root=tmp_path)}
    assert "escalated" not in {s.category for s in signals("已反馈", case_root=tmp_path)}
    assert "escalated" in {s.category for s in signals("已反馈")}


def test_case_vocabulary_adds_day_anchors(tmp_path: Path) -> None:
    folder = tmp_path / "signals"
    folder.mkdir()
    (folder / "anchors.toml").write_text('[[promises.anchored]]\nresolve = "tomorrow"\nphrases = ["明儿个"]\n', encoding="utf-8")
    found = [s for s in signals("明儿个给你补发", case_root=tmp_path) if s.kind == "promise"]
    assert found and found[0].data["due"] == "2024-05-03T00:00:00+08:00"


def test_broken_vocabulary_file_is_a_clear_error(tmp_path: Path) -> None:
    from kameng_cli.errors import UserInputError

    folder = tmp_path / "signals"
    folder.mkdir()
    (folder / "bad.toml").write_text("[deflections.upstream\n", encoding="utf-8")
    with pytest.raises(UserInputError) as caught:
        signals("上游", case_root=tmp_path)
    assert caught.value.key == "signals.vocab_invalid"


def test_this_week_and_end_of_month_anchors() -> None:
    from datetime import datetime

    from kameng_cli.parsing.times import CST
    from kameng_cli.signals.extract import analyse
    from kameng_cli.signals.vocabulary import load

    friday = datetime(2024, 5, 31, 15, 0, tzinfo=CST)  # the last day of May, a Friday
    week = analyse("这周内给你补发", "counterparty", friday, load(None))
    month = analyse("月底之前会把差价补上", "counterparty", datetime(2024, 2, 10, 9, 0, tzinfo=CST), load(None))
    assert week[0].data["due"] == "2024-06-03T00:00:00+08:00" and week[0].data["rule"] == "this-week"
    assert month[0].data["due"] == "2024-03-01T00:00:00+08:00" and month[0].data["rule"] == "end-of-month"


def test_stalling_in_question_form_and_conditional_admissions() -> None:
    from kameng_cli.signals.extract import analyse
    from kameng_cli.signals.vocabulary import load

    stall = analyse("急什么，又不会少你的", "counterparty", None, load(None))
    assert [(s.kind, s.category) for s in stall if s.kind == "deflection"] == [("deflection", "asks-to-wait")]
    assert not [s for s in analyse("如果是我们的问题，会处理的", "counterparty", None, load(None)) if s.kind == "admission"]
    assert [s.kind for s in analyse("是我们的问题，马上处理", "counterparty", None, load(None))].count("admission") == 1


@pytest.mark.parametrize(("text", "refused"), [
    ("这种情况没办法给您退款", True), ("一个订单不能重发", True), ("差价补不了", True), ("这单不予退货", True),
    ("放心，不会不给你退的", False), ("能不能退？我问一下", False), ("不会让您白等的", False), ("不用退了吗", False),
])
def test_refusals_beyond_the_phrase_list(text: str, refused: bool) -> None:
    from kameng_cli.signals.extract import analyse
    from kameng_cli.signals.vocabulary import load

    assert any(s.kind == "refused" for s in analyse(text, "counterparty", None, load(None))) is refused


@pytest.mark.parametrize(("text", "admits"), [
    ("是我们这边的疏忽，抱歉", True),  # our fault
    ("问题出在我方系统", True),
    ("这口锅我们背", True),
    ("仓库同事把面值配错了", True),  # our mistake: a staff subject, a mistaken act
    ("客服那天把您的单子看漏了", False),  # 您 between the subject and the act: whose mistake is unclear
    ("那张充值卡早就被人领取了", True),  # the card's state
    ("这个激活码提示已失效", True),
    ("卡没被别人用过", False),  # negated inside
    ("卡密被使用了，是您自己兑换的吧", False),  # a fact said while blaming the buyer
    ("麻烦您证明一下卡密是无效的", False),  # asked to prove, not said
    ("您那笔话费充值失败了，钱已原路退回", True),  # the order's fate
    ("充值失败的话会自动退款", False),  # conditional
    ("下单那会儿其实就没库存了", True),
    ("是不是我们发重了？我查查", False),  # asked
    ("会不会是我们漏充了呢", False),
    ("就算卡有问题也是上游的事", False),  # concessive
    ("这不代表是我们的责任", False),
])
def test_admissions_beyond_the_phrase_list(text: str, admits: bool) -> None:
    assert any(s.kind == "admission" for s in signals(text)) is admits, signals(text)
    assert not any(s.kind == "admission" for s in signals(text, role="me"))  # only the other side admits


@pytest.mark.parametrize(("text", "blames"), [
    ("是您充值的时候选错区了", True),
    ("您自己前天晚上已经兑换了", True),
    ("不是您填错了，是我们的问题", False),
])
def test_blaming_the_buyer_as_the_subject_of_a_mistake(text: str, blames: bool) -> None:
    assert any(s.kind == "deflection" and s.category == "blames-user" for s in signals(text)) is blames, signals(text)


def test_a_refusal_does_not_promise_and_an_own_fault_blames_no_one_else() -> None:
    kinds = {(s.kind, s.category) for s in signals("没办法给您再补一张了")}
    assert ("refused", "") in kinds and not any(kind == "promise" for kind, _ in kinds)
    kinds = {(s.kind, s.category) for s in signals("是我们自己的充值接口异常")}
    assert ("admission", "") in kinds and ("deflection", "upstream") not in kinds


@pytest.mark.parametrize(("text", "amount"), [
    ("二十分钟早过了，退款吧，98.5元", "98.50"),  # the amount alone in the next clause
    ("给我退款，全款100元", "100.00"),
    ("退款吧，¥120", "120.00"),
    ("退款吧，12315", None),  # a hotline, not an amount
    ("退款吧，5", None),  # a bare number could be anything
])
def test_a_demand_takes_the_amount_said_right_after_it(text: str, amount: str | None) -> None:
    demands = [s for s in signals(text, role="me") if s.kind == "demand"]
    assert demands and demands[0].data["amount"] == amount


def test_next_weeks_weekday_is_that_day_and_more_refusal_and_admission_forms() -> None:
    found = promise("下周三前给您处理", when=parse_time("2024-06-07 10:00"))  # a Friday
    assert found is not None and found.data["due"] == "2024-06-13T00:00:00+08:00"  # Wednesday 12 June, 24:00
    assert any(s.kind == "refused" for s in signals("没法直接给您退"))
    assert any(s.kind == "refused" for s in signals("卡密发出去以后的事我们不负责"))
    assert any(s.kind == "admission" for s in signals("查了，是我们系统出了问题"))
    assert not any(s.kind == "admission" for s in signals("是不是我们系统出了问题？我看看"))


@pytest.mark.parametrize(("text", "blames"), [
    ("是不是您之前已经在其他账号上兑换过了？", True),
    ("是不是你自己把密码泄露给别人了？", True),
    ("号主说不是他找回的，估计是你自己账号被盗了", True),
    ("我们给您充过了", False),  # the buyer as the object
    ("您这张卡密在您下单之前就已经被充值过了", False),  # passive: someone else did it
])
def test_more_ways_of_blaming_the_buyer(text: str, blames: bool) -> None:
    assert any(s.kind == "deflection" and s.category == "blames-user" for s in signals(text)) is blames, signals(text)


def test_a_refund_amount_said_elsewhere_in_the_message() -> None:
    demands = [s for s in signals("好，退款100元，原路退回", role="me") if s.kind == "demand"]
    assert demands and demands[0].data["amount"] == "100.00"


def test_clock_times_read_as_people_mean_them() -> None:
    at = parse_time("2024-06-07 10:00")
    assert promise("5点前给你充好", when=at).data["due"] == "2024-06-07T17:00:00+08:00"  # not 05:00 tomorrow
    assert promise("今天下午人多，5点前给你充好", when=at).data["due"] == "2024-06-07T17:00:00+08:00"
    assert promise("9点前给你发", when=parse_time("2024-06-07 22:00")).data["due"] == "2024-06-08T09:00:00+08:00"
    assert promise("明天5点前给你发", when=at).data["due"] == "2024-06-08T17:00:00+08:00"  # not 05:00
    assert promise("今天3点前给你处理好", when=at).data["due"] == "2024-06-07T15:00:00+08:00"
    assert promise("明天10点前给你处理好", when=at).data["due"] == "2024-06-08T10:00:00+08:00"
    assert promise("明早6点前给你发", when=at).data["due"] == "2024-06-08T06:00:00+08:00"
    found = [s for s in signals("亲，今天充值的人比较多，通道繁忙，尽快给您安排", when=at) if s.kind == "promise"]
    assert found and found[0].data["due"] is None and found[0].data["vague"]  # 今天 dates the excuse


def test_admitting_a_resold_card_or_work_not_done() -> None:
    assert any(s.kind == "admission" for s in signals("查了，这张卡确实是重复售出了"))
    assert any(s.kind == "admission" for s in signals("这事确实是我这边没处理好，过年忘了跟进"))
    assert not any(s.kind == "admission" for s in signals("如果是我们没处理好会补偿"))


@pytest.mark.parametrize(("text", "kind", "amount"), [
    ("退款收到了，谢谢", "refunded", None),
    ("退款到账了，190", "refunded", None),
    ("退款收到了150元，谢谢", "refunded", "150.00"),
    ("钱退回来了", "refunded", None),
    ("到了，谢谢王哥", "delivered", None),
    ("到咗啦，10000点全部到账", "delivered", None),
    ("点券已经到了", "delivered", None),
])
def test_the_user_confirms_goods_or_money(text: str, kind: str, amount: str | None) -> None:
    found = signals(text, role="me")
    assert [s.kind for s in found] == [kind], found  # 钱退回来了 asks for no refund
    assert found[0].data.get("amount") == amount


@pytest.mark.parametrize("text", ["到了吗？", "还没到", "时间到了还没发", "如果到了我告诉你", "退款还没收到"])
def test_what_is_no_confirmation(text: str) -> None:
    assert not [s for s in signals(text, role="me") if s.kind in ("delivered", "refunded")]


@pytest.mark.parametrize(("text", "claims", "amounts"), [
    ("我要退款300", ["refund"], {"refund": "300.00"}),
    ("原路退回500", ["refund"], {"refund": "500.00"}),
    ("我要求赔偿20元", ["compensation"], {"compensation": "20.00"}),
    ("把190退给我，再赔偿我50元误工费", ["refund", "compensation"], {"refund": "190.00", "compensation": "50.00"}),
    ("我要么补发一张新的，要么退款", ["redeliver", "refund"], {}),
    ("我要退款，3天内处理", ["refund"], {}),
])
def test_demand_claims_and_amounts(text: str, claims: list[str], amounts: dict[str, str]) -> None:
    demand = next(s for s in signals(text, role="me") if s.kind == "demand")
    assert demand.data["claims"] == claims and demand.data["amounts"] == amounts


@pytest.mark.parametrize(("text", "threat"), [
    ("下次别这样了啊，我差点就打12315了", False),
    ("本来我都想去12315投诉的", False),
    ("我朋友打了12315也没用", False),
    ("上次差点打了12315", False),
    ("钱没退回来，我已经打了12315", True),
    ("不处理我就去12315投诉", True),
])
def test_threats_that_were_not_made(text: str, threat: bool) -> None:
    assert any(s.kind == "demand" and s.data["threat"] for s in signals(text, role="me")) is threat


@pytest.mark.parametrize(("text", "expected"), [
    ("截图", {"asks-for-proof"}),
    ("订单号？", {"asks-for-proof"}),
    ("亲，您好呀～请问您的订单号是多少呢？", {"asks-for-proof"}),
    ("两单都已开通成功，感谢您的耐心等待，祝您生活愉快", set()),
    ("如果官方那边不延迟的话，一般半小时左右", set()),
    ("亲，是官方那边延迟了，不是我们的问题，我们也没办法", {"upstream"}),
    ("您好，经供货商核实，这张卡确实在发给您之前就已经被绑定了，是我们出库的问题，非常抱歉", set()),
    ("唔好意思，腾讯嗰边维护紧，你等阵先", {"upstream", "asks-to-wait"}),
    ("早上好哈，我这边发出去的卡都是新卡，您是不是充到别的游戏去了？", {"blames-user"}),
    ("财务休假中，周一给您处理", {"escalated"}),
])
def test_deflections_from_a_testers_conversations(text: str, expected: set[str]) -> None:
    assert {s.category for s in signals(text) if s.kind == "deflection"} == expected


def test_an_offer_within_a_refusal_is_no_promise() -> None:
    found = signals("虚拟商品一经售出概不退换，只能给您补发")
    assert [s.kind for s in found] == ["refused"]


def test_dialect_half_hours() -> None:
    assert promise("妥了老铁，俺这嘎达下单了，半拉小时就给你整上").data["due"] == "2024-05-01T10:30:00+08:00"
    assert promise("半个钟给你发").data["due"] == "2024-05-01T10:30:00+08:00"


def test_a_refund_confirmed_in_chat_is_not_subtracted_twice() -> None:
    from decimal import Decimal

    from kameng_cli.legal.claims import refunds
    from kameng_cli.model.case import Case
    from kameng_cli.model.records import Event

    case = Case(problem="not-delivered", my_names=["我"])
    said = Event("E02-0009", AT, "refunded", "merchant", "", Decimal("50.00"), data={"message_index": 9, "category": "confirmed"})
    bill = Event("E01-0002", AT.replace(hour=8), "refunded", "merchant", "", Decimal("50.00"))
    assert refunds(case, [said]) == [said]  # the only word of it
    assert refunds(case, [said, bill]) == [bill]


@pytest.mark.parametrize(("text", "kinds"), [
    ("我们不会不给你退的", ["promise"]),  # a double negation commits
    ("要是今天还没到，你再来找我", []),  # the time of a hypothesis the buyer acts on
    ("如果24小时没到可以退款", ["promise"]),  # …but a merchant's conditional commitment stays
    ("上周五我们已经给您退过一次了", []),
    ("您好，经核实您的订单已于今日09:12发货成功", []),
    ("你再等等看，说不定一会儿就到了", ["deflection"]),  # a guess is no promise
    ("需要核实一下才能给您处理", ["deflection"]),  # an outcome's condition, not a commitment to it
    ("亲，活动今晚12点结束，要买抓紧哦", []),
    ("莫得办法退哈，虚拟的东西都这样", ["refused"]),
    ("上次系统延迟是去年的事了，现在早就修好了", []),
    ("是我们进货渠道的问题，抱歉", ["admission"]),
    ("我看到了，您的款是收到了的", ["admission"]),
    ("后天统一补发，这批卡我们重新进货了", ["promise"]),
    ("能再等两天吗？最近实在太忙", ["deflection"]),  # 两天 is normalised to 2天 before matching
])
def test_fourth_batch_patterns(text: str, kinds: list[str]) -> None:
    assert sorted({s.kind for s in signals(text)}) == kinds


@pytest.mark.parametrize(("text", "kinds"), [
    ("我朋友上次也被坑了，他去12315投诉了", []),
    ("上次退一赔三那个商家就是这么说的", []),
    ("我同事说可以找平台客服，我先问问你们", []),
    ("已经退回来了，98块到了", ["refunded"]),
    ("请同意一下我的退款申请", ["demand"]),
    ("我不要退款，你们给我把卡补上就行", ["demand"]),
])
def test_fourth_batch_buyer_patterns(text: str, kinds: list[str]) -> None:
    assert sorted({s.kind for s in signals(text, role="me")}) == kinds
