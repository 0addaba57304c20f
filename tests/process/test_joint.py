"""`kameng joint DIR... --to 12315|court|police`: one complaint for several buyers of one merchant."""

from __future__ import annotations

from pathlib import Path

import tomlkit

from conftest import NOT_DELIVERED, run

from .helpers import golden_text, ok, proof

ID_B = "11010519491231002X"  # valid GB 11643 check digit


def buyer(root: Path, name: str, order: str, price: str, complainant: dict[str, str], merchant: dict[str, str] | None = None) -> Path:
    folder = root / name
    args = list(NOT_DELIVERED)
    args[args.index("--order-no") + 1] = order
    args[args.index("--price") + 1] = price
    assert run("init", folder, *args).exit_code == 0
    doc = tomlkit.parse((folder / "case.toml").read_text(encoding="utf-8"))
    for key, value in complainant.items():
        doc["complainant"][key] = value
    for key, value in (merchant or {}).items():
        doc["merchant"][key] = value
    (folder / "case.toml").write_text(tomlkit.dumps(doc), encoding="utf-8")
    return folder


def three_buyers(tmp_path: Path) -> list[Path]:
    root = tmp_path / "buyers"
    a = buyer(root, "a", "XC-A-1", "100", {"name": "王小明", "phone": "13812345678", "address": "北京市朝阳区建国路88号1栋101室"})
    b = buyer(root, "b", "XC-B-2", "50", {"name": "李四", "phone": "13987654321", "id_number": ID_B,
                                           "address": "上海市浦东新区世纪大道100号2单元"})
    c = buyer(root, "c", "XC-C-3", "30.5", {"name": "赵六", "phone": "13700001111"})
    ok("-C", b, "add", proof(tmp_path, "付款截图说明.txt", "支付宝付款 50 元\n"))
    return [a, b, c]


def test_joint_12315(tmp_path: Path) -> None:
    from kameng_cli.legal.law import article

    a, b, c = three_buyers(tmp_path)
    result = run("joint", a, b, c, "--to", "12315", "-o", "-", "--date", "2024-06-01")
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert text.splitlines()[0] == "3名消费者就同一经营者云游数码专营店的同类问题共同投诉，涉及金额合计¥180.50"
    assert "| 合计 |" in text and "¥180.50" in text
    # The representative's identity stays (12315 needs it); the others' contact data does not.
    assert "王小明" in text and "13812345678" in text
    assert "李四" in text and "赵六" in text  # co-complainants are named: 共同投诉 needs their consent
    for secret in ("13987654321", "13700001111", ID_B, "世纪大道100号"):
        assert secret not in text, secret
    # 办法 第十二条, verbatim from the verified data.
    quoted = article("TSJB-12").text.split("\n")
    assert "《市场监督管理投诉举报处理办法》第十二条" in text
    for paragraph in quoted:
        assert paragraph in text
    # Each buyer's evidence list, with its own labels.
    assert "乙证1" in text and "付款截图说明.txt" in text
    for order in ("XC-A-1", "XC-B-2", "XC-C-3"):
        assert order in text
    golden_text("joint_12315.md", text)


def test_joint_police_masks_other_names_and_writes_to_drafts(tmp_path: Path) -> None:
    a, b, c = three_buyers(tmp_path)
    result = run("joint", a, b, c, "--to", "police", "--date", "2024-06-01")
    assert result.exit_code == 0, result.output
    written = sorted((a / "drafts").glob("joint-police-*.md"))
    assert len(written) == 1
    text = written[0].read_text(encoding="utf-8")
    assert "李某" in text and "李四" not in text and "赵某" in text
    assert "《刑事诉讼法》第一百一十条第二款" in text
    run("joint", a, b, c, "--to", "police", "--date", "2024-06-01")
    assert len(sorted((a / "drafts").glob("joint-police-*.md"))) == 2  # never overwritten


def test_joint_representative_and_court(tmp_path: Path) -> None:
    a, b, c = three_buyers(tmp_path)
    result = run("joint", a, b, c, "--to", "court", "--as", b, "-o", "-")
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert "| 1（代表人） | 李四 | 13987654321 |" in text
    assert "13812345678" not in text
    assert "第十二条" not in text  # the 12315 rule is not a court rule
    by_name = run("joint", a, b, c, "--to", "法院", "--as", b, "-o", "-")
    assert by_name.exit_code == 0 and by_name.stdout == text  # the channel by its Chinese name


def test_joint_refuses_a_different_merchant(tmp_path: Path) -> None:
    a, b, _c = three_buyers(tmp_path)
    odd = buyer(tmp_path / "buyers", "odd", "XC-O", "10", {"name": "钱七"}, {"name": "别家数码"})
    result = run("joint", a, odd, b, "--to", "12315", "-o", "-")
    assert result.exit_code == 2
    assert "odd" in result.stderr and "别家数码" in result.stderr and "云游数码专营店" in result.stderr


def test_joint_matches_by_uscc(tmp_path: Path) -> None:
    root = tmp_path / "buyers"
    a = buyer(root, "a", "X1", "10", {"name": "甲"}, {"name": "云游数码", "uscc": "91350100M000100Y43"})
    b = buyer(root, "b", "X2", "10", {"name": "乙"}, {"name": "云游数码专营店（星辰卡盟）", "uscc": "91350100M000100Y43"})
    c = buyer(root, "c", "X3", "10", {"name": "丙"}, {"name": "云游数码", "uscc": "91110000600037341L"})
    assert run("joint", a, b, "--to", "12315", "-o", "-").exit_code == 0
    result = run("joint", a, b, c, "--to", "12315", "-o", "-")
    assert result.exit_code == 2 and "c" in result.stderr and "91110000600037341L" in result.stderr


def test_joint_bad_usage(tmp_path: Path) -> None:
    a, b, _c = three_buyers(tmp_path)
    for args, needle in ((["joint", a, "--to", "12315"], "两个"), (["joint", a, b, "--to", "heimao"], "heimao"),
                         (["joint", a, tmp_path, "--to", "12315"], "case.toml"), (["joint", a, a, "--to", "12315"], "两次")):
        result = run(*args)
        assert result.exit_code == 2, (args, result.output)
        assert needle in result.stderr, (args, result.stderr)


def test_joint_pdf_through_the_draft_renderer(tmp_path: Path) -> None:
    import pytest

    pytest.importorskip("typst")
    from pypdf import PdfReader

    a, b, c = three_buyers(tmp_path)
    target = tmp_path / "joint.pdf"
    result = run("joint", a, b, c, "--to", "12315", "--format", "pdf", "-o", target, "--date", "2024-06-01")
    assert result.exit_code == 0, result.output
    text = "".join(page.extract_text() for page in PdfReader(target).pages)
    assert "共同投诉书" in text and "¥180.50" in text and "13987654321" not in text
    assert run("joint", a, b, c, "--to", "12315", "--format", "pdf", "-o", "-").exit_code == 2


def test_joint_refuses_one_order_in_two_folders(tmp_path: Path) -> None:
    """Journey 2, D4: a copied folder (same order number) would count its price twice in 合计."""
    root = tmp_path / "buyers"
    a = buyer(root, "a", "XC20240929201533", "98.50", {"name": "王小明", "phone": "13812345678"})
    copy = buyer(root, "copy", "XC-20240929201533", "98.50", {"name": "王小明", "phone": "13812345678"})
    c = buyer(root, "c", "XC-C-3", "30.5", {"name": "赵六", "phone": "13700001111"})
    result = run("joint", a, c, copy, "--to", "12315", "-o", "-")
    assert result.exit_code == 2, result.output
    assert "a 和 copy 是同一订单" in result.stderr and "XC-20240929201533" in result.stderr
    assert result.stdout == ""


def test_joint_warns_about_one_person_with_two_orders(tmp_path: Path) -> None:
    root = tmp_path / "buyers"
    a = buyer(root, "a", "X1", "10", {"name": "王小明", "phone": "13812345678"})
    b = buyer(root, "b", "X2", "20", {"name": "王小明", "phone": "13812345678"})
    result = run("joint", a, b, "--to", "12315", "-o", "-")
    assert result.exit_code == 0, result.output
    assert "¥30.00" in result.stdout.splitlines()[0]  # two orders: both count
    assert "a 和 b 的投诉人似乎是同一人" in result.stderr


def test_joint_keeps_payments_refunds_and_submissions_and_says_what_was_left_out(tmp_path: Path) -> None:
    """Journey 2, D4: the facts were cut at 12 without a word, losing the refund and the 12315 complaint."""
    a, b, _c = three_buyers(tmp_path)
    for hour in range(8, 20):
        for minute in (0, 30):
            ok("-C", a, "event", "add", f"我在QQ上联系客服催促发货（{hour}:{minute:02d}）", "--kind", "contacted",
               "--at", f"2024-05-02 {hour:02d}:{minute:02d}")
    ok("-C", a, "event", "add", "商家拒绝退款", "--kind", "refused", "--actor", "merchant", "--at", "2024-05-03 09:00")
    ok("-C", a, "submit", "12315", "--at", "2024-05-08 10:00", "--ticket", "1234567")
    ok("-C", a, "reply", "12315", "--outcome", "accepted", "--at", "2024-05-10 10:00")
    ok("-C", a, "event", "add", "商家退款20元", "--kind", "refunded", "--actor", "merchant", "--amount", "20",
       "--at", "2024-05-20 10:00")
    result = run("joint", a, b, "--to", "12315", "-o", "-", "--date", "2024-06-01")
    assert result.exit_code == 0, result.output
    text = result.stdout
    section = text[text.index("### 1. 王小明"):text.index("### 2. 李四")]
    facts = [line for line in section.splitlines() if line[:1].isdigit()]
    assert len(facts) == 20  # process.joint.MAX_FACTS
    assert any("12315" in f and "1234567" in f for f in facts)  # the submission
    assert any("12315" in f and "2024年5月10日" in f for f in facts)  # its answer
    assert any("20.00" in f and "2024年5月20日" in f for f in facts)  # the refund, the last event
    assert any("拒绝" in f for f in facts)  # a refusal outranks one more chat contact
    # What was left out is said in the document, never dropped in silence: 24 contacts and the
    # refusal are the ordinary facts; the 3 always kept leave room for 17 of them.
    contacts = sum("联系客服催促发货" in f for f in facts)
    assert contacts == 16
    assert "（另有8项事实从略" in section
    assert "付款、退款、投诉及答复均已列出" in section
    # The facts stay in time order.
    assert facts.index(next(f for f in facts if "1234567" in f)) < facts.index(next(f for f in facts if "20.00" in f))


def test_joint_of_different_problem_types_says_so(tmp_path: Path) -> None:
    """Journey 2, D4: not-delivered and card-invalid are not 同类问题 (办法 第十二条: 同一消费者权益争议)."""
    a, b, _c = three_buyers(tmp_path)
    doc = tomlkit.parse((b / "case.toml").read_text(encoding="utf-8"))
    doc["problem"] = "card-invalid"
    (b / "case.toml").write_text(tomlkit.dumps(doc), encoding="utf-8")
    result = run("joint", a, b, "--to", "12315", "-o", "-", "--date", "2024-06-01")
    assert result.exit_code == 0, result.output
    first = result.stdout.splitlines()[0]
    assert "同类问题" not in result.stdout
    assert first.startswith("2名消费者就同一经营者云游数码专营店的消费纠纷（问题类型不同：未到账/未发货、卡密无效/已被使用）共同投诉")
    assert "第1名为未到账/未发货；第2名为卡密无效/已被使用" in result.stdout
    assert "由市场监督管理部门决定" in result.stdout
    assert "问题类型不同" in result.stderr and "未到账/未发货：a" in result.stderr and "卡密无效/已被使用：b" in result.stderr
    english = run("--lang", "en", "joint", a, b, "--to", "12315", "-o", "-")
    assert "different problem types" in english.stderr


def test_joint_bad_channel_is_named_not_slugged(tmp_path: Path) -> None:
    a, b, _c = three_buyers(tmp_path)
    result = run("joint", a, b, "--to", "platform")
    assert result.exit_code == 2
    assert "12315、人民法院、公安机关" in result.stderr
