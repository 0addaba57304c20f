"""Synthetic phone screenshots for the OCR tests and benchmarks, rendered with a CJK font.

Nothing here is committed as an image: every screenshot is drawn from a seed, so a test or a
benchmark re-creates exactly the same pixels. Fonts are found through fontconfig (fc-match), never by
a hard-coded path; Debian's fonts-noto-cjk provides Noto Sans/Serif CJK in several weights.

Each Screen carries its ground truth: the text lines drawn, the fields a reader should extract
(`fields`), the exhibit kind it should suggest and the sensitive values on it.

    python tests/data/ocr/screens.py OUT_DIR [COUNT]   # writes PNG/JPEG files to look at
"""

from __future__ import annotations

import io
import random
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFont

PHONES = ((1080, 2340), (750, 1334), (1170, 2532), (720, 1600))
FONT_PATTERNS = (
    "Noto Sans CJK SC:style=Regular",
    "Noto Sans CJK SC:style=Bold",
    "Noto Serif CJK SC:style=Regular",
    "Noto Serif CJK SC:style=Bold",
)
PLATFORMS = ("星辰卡盟", "速达卡盟", "云端游戏卡盟")
MERCHANTS = ("云游数码专营店", "极速点卡店", "畅玩游戏充值")
GOODS = ("云游一卡通100元", "腾讯Q币50个", "网易一卡通30元", "盛大点卡200元", "骏网一卡通50元")
PENDING = ("处理中", "充值中", "待发货", "订单异常")
DONE = ("已发货", "交易成功", "退款成功")
CARD_ERRORS = ("该卡密已被使用", "卡密无效", "充值失败")
KINDS = ("order", "payment", "card-error", "product", "chat", "profile")


@cache
def font_file(pattern: str) -> tuple[str, int] | None:
    """(file, face index) of a CJK font matching `pattern`, or None without fontconfig / CJK fonts."""
    if shutil.which("fc-match") is None:
        return None
    out = subprocess.run(["fc-match", "--format=%{file}\t%{index}\t%{family}", pattern],
                         capture_output=True, text=True, check=False).stdout
    parts = out.split("\t")
    if len(parts) < 3 or "CJK" not in parts[2]:
        return None
    return parts[0], int(parts[1] or 0)


def fonts_available() -> bool:
    return all(font_file(p) is not None for p in FONT_PATTERNS)


@lru_cache(maxsize=256)
def font(pattern: str, size: int) -> ImageFont.FreeTypeFont:
    found = font_file(pattern)
    if found is None:
        raise RuntimeError(f"no CJK font for {pattern!r}: install fonts-noto-cjk")
    return ImageFont.truetype(found[0], size, index=found[1])


@dataclass
class Screen:
    name: str
    kind: str  # scene: order, payment, card-error, product, chat, profile
    image: Image.Image
    lines: list[str]  # every text drawn, top to bottom
    fields: dict[str, str]  # what the reader must extract, exactly
    expected_kind: str
    sensitive: list[str] = field(default_factory=list)  # values that must be blacked out
    case: dict[str, Any] = field(default_factory=dict)  # case facts the screen belongs to
    dark: bool = False
    jpeg: int | None = None
    scale: float = 1.0
    font: str = ""

    def encoded(self) -> bytes:
        """The file a phone would produce: PNG, or JPEG at the screen's quality."""
        buffer = io.BytesIO()
        if self.jpeg:
            self.image.convert("RGB").save(buffer, format="JPEG", quality=self.jpeg)
        else:
            self.image.save(buffer, format="PNG")
        return buffer.getvalue()

    @property
    def suffix(self) -> str:
        return ".jpg" if self.jpeg else ".png"


class Canvas:
    def __init__(self, size: tuple[int, int], pattern: str, dark: bool) -> None:
        self.width, self.height = size
        self.dark = dark
        self.bg = (17, 17, 17) if dark else (255, 255, 255)
        self.fg = (236, 236, 236) if dark else (20, 20, 20)
        self.muted = (150, 150, 150) if dark else (110, 110, 110)
        self.image = Image.new("RGB", size, self.bg)
        self.draw = ImageDraw.Draw(self.image)
        self.pattern = pattern
        self.unit = self.width / 24  # one CJK character at body size
        self.y = 0.0
        self.lines: list[str] = []

    def font(self, scale: float = 1.0, bold: bool = False) -> ImageFont.FreeTypeFont:
        pattern = self.pattern.replace("Regular", "Bold") if bold else self.pattern
        return font(pattern, max(12, int(self.unit * scale)))

    def status_bar(self, clock: str) -> None:
        size = self.font(0.75, bold=True)
        self.draw.text((self.unit * 1.2, self.unit * 0.5), clock, font=size, fill=self.fg)
        self.draw.text((self.width - self.unit * 4, self.unit * 0.5), "85%", font=self.font(0.6), fill=self.fg)
        self.lines += [clock, "85%"]
        self.y = self.unit * 2.6

    def text(self, text: str, scale: float = 1.0, bold: bool = False, x: float | None = None,
             color: tuple[int, int, int] | None = None, gap: float = 1.0, center: bool = False) -> None:
        chosen = self.font(scale, bold)
        if center:
            width = self.draw.textlength(text, font=chosen)
            x = (self.width - width) / 2
        self.draw.text((x if x is not None else self.unit, self.y), text, font=chosen, fill=color or self.fg)
        self.lines.append(text)
        self.y += self.unit * scale * (1.0 + gap)

    def pair(self, label: str, value: str, scale: float = 0.85) -> None:
        """A label on the left and its value aligned right, as order pages show them."""
        chosen = self.font(scale)
        self.draw.text((self.unit, self.y), label, font=chosen, fill=self.muted)
        width = self.draw.textlength(value, font=chosen)
        self.draw.text((self.width - self.unit - width, self.y), value, font=chosen, fill=self.fg)
        self.lines.append(f"{label} {value}")
        self.y += self.unit * scale * 2.0

    def rule(self) -> None:
        self.draw.line((self.unit, self.y, self.width - self.unit, self.y), fill=self.muted, width=1)
        self.y += self.unit * 0.8

    def bubble(self, text: str, mine: bool) -> None:
        """A chat bubble; text wider than about 60 % of the screen wraps onto more lines, as the apps do."""
        chosen = self.font(0.8)
        pad = self.unit * 0.5
        wrapped, line = [], ""
        for char in text:
            if line and self.draw.textlength(line + char, font=chosen) > self.width * 0.6:
                wrapped.append(line)
                line = ""
            line += char
        wrapped.append(line)
        width = max(self.draw.textlength(part, font=chosen) for part in wrapped)
        step = self.unit * 1.15
        height = step * (len(wrapped) - 1) + self.unit * 0.8 + 2 * pad
        if mine:
            x1 = self.width - self.unit * 2.5
            x0 = x1 - width - 2 * pad
            fill = (46, 125, 50) if self.dark else (149, 236, 105)
        else:
            x0 = self.unit * 2.5
            x1 = x0 + width + 2 * pad
            fill = (44, 44, 44) if self.dark else (238, 238, 238)
        self.draw.rounded_rectangle((x0, self.y, x1, self.y + height), radius=int(self.unit * 0.3), fill=fill)
        for number, part in enumerate(wrapped):
            self.draw.text((x0 + pad, self.y + pad * 0.8 + number * step), part, font=chosen, fill=self.fg)
        self.lines.append(text)
        self.y += height + self.unit * 0.7


def _order_no(rng: random.Random, when: datetime) -> str:
    return f"{rng.choice(['XC', 'KM', 'SD', 'DD'])}{when:%Y%m%d%H%M%S}{rng.randint(10, 99)}"


def _amount(rng: random.Random) -> str:
    return f"{rng.choice([30, 50, 95, 100, 198, 200, 288])}.{rng.choice(['00', '50', '80', '00'])}"


def _clock(when: datetime) -> str:
    return f"{when:%H:%M}"


def id_number(rng: random.Random) -> str:
    from kameng_cli.parsing.ids import ID_CHECK, ID_WEIGHTS

    body = f"{rng.choice(['110105', '440106', '310115', '510104'])}{rng.randint(1970, 2002)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{rng.randint(100, 999)}"
    return body + ID_CHECK[sum(int(d) * w for d, w in zip(body, ID_WEIGHTS, strict=True)) % 11]


def bank_card(rng: random.Random) -> str:
    from kameng_cli.parsing.ids import luhn_valid

    body = "6214" + "".join(str(rng.randint(0, 9)) for _ in range(11))
    return next(body + str(d) for d in range(10) if luhn_valid(body + str(d)))


def card_secret(rng: random.Random) -> str:
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "-".join("".join(rng.choice(alphabet) for _ in range(4)) for _ in range(4))


def render(seed: int, kind: str | None = None, *, dark: bool | None = None, jpeg: int | None | bool = None,
           scale: float | None = None, phone: tuple[int, int] | None = None, font_pattern: str | None = None,
           clock_offset: timedelta | None = None, facts: dict[str, Any] | None = None) -> Screen:
    """One screenshot. Unset options are drawn from the seed (so a seed always gives the same image).

    `facts` pins what the page shows to a case: order_no, paid (datetime), amount, platform, merchant, goods."""
    rng = random.Random(seed)
    kind = kind or rng.choice(KINDS)
    size = phone or rng.choice(PHONES)
    pattern = font_pattern or rng.choice(FONT_PATTERNS)
    dark = rng.random() < 0.3 if dark is None else dark
    quality = (rng.choice([None, None, 55, 70, 85]) if jpeg is None else (80 if jpeg is True else (jpeg or None)))
    # WeChat forwards screenshots at about half size and JPEG quality 55-70.
    factor = rng.choice([1.0, 1.0, 0.8, 0.67, 0.5]) if scale is None else scale
    canvas = Canvas(size, pattern, dark)
    paid = datetime(2024, rng.randint(1, 12), rng.randint(1, 28), rng.randint(8, 22), rng.randint(0, 59), rng.randint(0, 59))
    shot = paid + (clock_offset if clock_offset is not None else timedelta(minutes=rng.randint(3, 50)))
    platform, merchant, goods = rng.choice(PLATFORMS), rng.choice(MERCHANTS), rng.choice(GOODS)
    order_no = _order_no(rng, paid)
    amount = _amount(rng)
    if facts:
        paid = facts.get("paid", paid)
        shot = paid + (clock_offset if clock_offset is not None else timedelta(minutes=7))
        order_no, amount = facts.get("order_no", order_no), facts.get("amount", amount)
        platform, merchant = facts.get("platform", platform), facts.get("merchant", merchant)
        goods = facts.get("goods", goods)
    case = {"platform": platform, "merchant": merchant, "order_no": order_no, "paid_at": f"{paid:%Y-%m-%d %H:%M:%S}",
            "price": amount, "goods": goods}
    fields: dict[str, str] = {}
    sensitive: list[str] = []
    canvas.status_bar(_clock(shot))
    fields["clock"] = _clock(shot)
    if kind == "order":
        status = rng.choice(PENDING + DONE)
        status = (facts or {}).get("status", status)
        canvas.text("订单详情", 1.1, bold=True, center=True)
        canvas.text(platform, 0.9, color=canvas.muted)
        canvas.rule()
        canvas.text(f"订单状态：{status}", 1.0, bold=True)
        canvas.pair("订单号", order_no)
        canvas.pair("商品名称", goods)
        canvas.pair("商家", merchant)
        canvas.pair("实付金额", f"¥{amount}")
        canvas.pair("下单时间", f"{paid:%Y-%m-%d %H:%M:%S}")
        phone_no = f"1{rng.choice('3589')}{rng.randint(100000000, 999999999)}"
        canvas.pair("充值账号", phone_no)
        sensitive.append(phone_no)
        fields.update(order_no=order_no, amount=amount, status=status, time=f"{paid:%Y-%m-%dT%H:%M:%S}+08:00",
                      merchant=merchant, platform=platform)
        expected = "order"
    elif kind == "payment" and rng.random() < 0.5:
        # Alipay's bill detail: a signed sum without ¥, 交易成功, and 订单号 is Alipay's own number.
        trade = f"{paid:%Y%m%d}2200{rng.randint(10**13, 10**14 - 1)}"
        canvas.text("账单详情", 1.0, bold=True, center=True)
        canvas.text(merchant, 0.9, center=True)
        canvas.text(f"-{amount}", 1.8, bold=True, center=True)
        canvas.text("交易成功", 0.8, center=True, color=canvas.muted)
        canvas.rule()
        canvas.pair("付款方式", "余额宝")
        canvas.pair("商品说明", goods)
        canvas.pair("创建时间", f"{paid:%Y-%m-%d %H:%M:%S}")
        canvas.pair("订单号", trade, scale=0.7)
        canvas.pair("商家订单号", order_no, scale=0.7)
        fields.update(amount=amount, trade_no=trade, merchant_order_no=order_no,
                      time=f"{paid:%Y-%m-%dT%H:%M:%S}+08:00", merchant=merchant)
        expected = "payment"
    elif kind == "payment":
        trade = f"2024{rng.randint(10**23, 10**24 - 1)}"[:28]
        canvas.y += canvas.unit
        canvas.text("支付成功", 1.2, bold=True, center=True)
        canvas.text(f"¥{amount}", 2.0, bold=True, center=True)
        canvas.rule()
        canvas.pair("收款方", merchant)
        canvas.pair("商品", goods)
        canvas.pair("支付方式", "余额")
        canvas.pair("支付时间", f"{paid:%Y-%m-%d %H:%M:%S}")
        canvas.pair("交易单号", trade, scale=0.7)
        canvas.pair("商户订单号", order_no, scale=0.7)
        fields.update(amount=amount, trade_no=trade, merchant_order_no=order_no,
                      time=f"{paid:%Y-%m-%dT%H:%M:%S}+08:00", merchant=merchant)
        expected = "payment"
    elif kind == "card-error":
        error = rng.choice(CARD_ERRORS)
        error = (facts or {}).get("status", error)
        secret = card_secret(rng)
        canvas.text("游戏充值中心", 1.1, bold=True, center=True)
        canvas.rule()
        canvas.text("请输入卡密", 0.85, color=canvas.muted)
        canvas.text(f"卡密：{secret}", 0.85)
        canvas.text("确认充值", 1.0, bold=True, center=True, gap=1.6)
        canvas.text(error, 1.1, bold=True, center=True, color=(229, 57, 53))
        sensitive.append(secret)
        fields.update(status=error)
        expected = "delivery-failure"
    elif kind == "product":
        canvas.text(platform, 0.9, color=canvas.muted)
        canvas.text(goods, 1.2, bold=True)
        canvas.text(f"¥{amount}", 1.6, bold=True, color=(229, 57, 53))
        canvas.text("秒到账 自动发货", 0.9)
        canvas.text(f"销量 {rng.randint(100, 9999)}", 0.8, color=canvas.muted)
        canvas.text(f"店铺：{merchant}", 0.85)
        canvas.text("立即购买", 1.1, bold=True, center=True)
        fields.update(amount=amount, promise="秒到账", merchant=merchant, platform=platform)
        expected = "product"
    elif kind == "chat":
        canvas.text(merchant, 1.0, bold=True, center=True)
        canvas.rule()
        canvas.text(f"{shot:%H:%M}", 0.6, center=True, color=canvas.muted)
        canvas.bubble(f"订单{order_no}", mine=True)
        canvas.bubble("付款半小时了还没到账", mine=True)
        canvas.bubble("亲，系统处理中，请稍等", mine=False)
        canvas.bubble("一直处理中，请退款", mine=True)
        canvas.bubble("上游延迟，24小时内到账", mine=False)
        canvas.y = canvas.height - canvas.unit * 3
        canvas.text("发送", 0.9, x=canvas.width - canvas.unit * 4)
        fields.update(order_no=order_no, status="处理中", merchant=merchant)
        expected = "chat"
    else:  # profile: the real-name page a recharge asks for; everything personal
        person = rng.choice(["张伟", "王芳", "李娜", "刘洋"])
        id_no, card, phone_no = id_number(rng), bank_card(rng), f"13{rng.randint(100000000, 999999999)}"
        address = rng.choice(["广东省广州市天河区体育西路100号", "四川省成都市武侯区人民南路四段12号",
                              "北京市朝阳区建国路88号2栋1单元"])
        canvas.text("实名认证", 1.1, bold=True, center=True)
        canvas.rule()
        canvas.pair("姓名", person)
        canvas.pair("身份证号", id_no)
        canvas.pair("手机号", phone_no)
        canvas.pair("银行卡号", card)
        canvas.text(f"收货地址：{address}", 0.75)
        sensitive += [id_no, phone_no, card, address]
        fields.update(order_no="")  # nothing to extract; the redaction test uses it
        fields.pop("order_no")
        expected = "other"
    image = canvas.image
    if factor != 1.0:
        image = image.resize((int(image.width * factor), int(image.height * factor)), Image.Resampling.LANCZOS)
    screen = Screen(name=f"{seed:04d}-{kind}", kind=kind, image=image, lines=canvas.lines, fields=fields,
                    expected_kind=expected, sensitive=sensitive, case=case, dark=dark, jpeg=quality, scale=factor,
                    font=pattern)
    if quality:
        # What a JPEG screenshot really contains: compression artefacts around every glyph.
        screen.image = Image.open(io.BytesIO(screen.encoded())).convert("RGB")
    return screen


def conversation(items: list[tuple[str, str]], *, title: str = "云游数码专营店", clock: str = "14:20",
                 phone: tuple[int, int] = (1080, 2340), dark: bool = False, jpeg: int | None = None,
                 font_pattern: str = "Noto Sans CJK SC:style=Regular") -> Screen:
    """A chat screenshot of the given items, top to bottom: ("time", "昨天 10:06"), ("me", text),
    ("them", text), ("system", text). Items that do not fit on the screen are left out."""
    canvas = Canvas(phone, font_pattern, dark)
    canvas.status_bar(clock)
    canvas.text(title, 1.0, bold=True, center=True)
    canvas.rule()
    for kind, text in items:
        if canvas.y > canvas.height * 0.85:
            break
        if kind in ("time", "system"):
            canvas.text(text, 0.6, center=True, color=canvas.muted, gap=0.8)
        else:
            canvas.bubble(text, mine=kind == "me")
    canvas.y = canvas.height - canvas.unit * 3
    canvas.text("发送", 0.9, x=canvas.width - canvas.unit * 4)
    return Screen("conversation", "chat", canvas.image, canvas.lines, {}, "chat", dark=dark, jpeg=jpeg,
                  font=font_pattern)


def corpus(count: int, first_seed: int = 1000) -> list[Screen]:
    """`count` screenshots cycling through every scene, with varied fonts, modes and sizes."""
    return [render(first_seed + n, KINDS[n % len(KINDS)]) for n in range(count)]



# ---- scoring (used by tests/ocr and benchmarks/ocr_accuracy.py) -------------------------------------
def case_of(screen: Screen) -> Any:
    """The case.toml a user with this screenshot would have written."""
    from kameng_cli.model.case import Case

    facts = screen.case
    return Case(problem="not-delivered", platform={"name": facts["platform"]}, merchant={"name": facts["merchant"]},
                order={"number": facts["order_no"], "goods": facts["goods"], "price": facts["price"],
                       "paid_at": facts["paid_at"]})


def fields_read(reading: Any) -> dict[str, str]:
    """The value a reader extracted for every field name Screen.fields uses."""
    from kameng_cli.ocr.facts import first_amount

    found: dict[str, str] = {}
    for kind in ("clock", "trade_no", "merchant_order_no", "promise"):
        facts = reading.of_type(kind)
        if facts:
            found[kind] = facts[0].value
    orders = reading.of_type("order_no") or reading.of_type("merchant_order_no")
    if orders:
        found["order_no"] = orders[0].value
    statuses = reading.of_type("status")
    if statuses:
        found["status"] = statuses[0].value
    amount = first_amount(reading, "paid", "unlabelled", "price")
    if amount is not None:
        found["amount"] = str(abs(Decimal(amount.value)))
    times = [f for f in reading.of_type("time") if f.role != "page"] or reading.of_type("time")
    if times:
        found["time"] = times[0].value
    for kind in ("merchant", "platform"):
        facts = reading.of_type(kind)
        if facts:
            found[kind] = facts[0].value
    return found


def levenshtein(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def comparable(text: str) -> str:
    """Text as compared for character accuracy: spaces and punctuation width do not count."""
    table = str.maketrans("：，（）", ":,()")
    return "".join(text.translate(table).split())


def char_accuracy(screen: Screen, page: Any) -> tuple[int, int]:
    """(characters right, characters drawn): drawn minus the edit distance over the screen's text."""
    from kameng_cli.ocr.layout import rows_of

    # Rows put a label and its right-aligned value back in reading order, as kameng reads them.
    truth = comparable("".join(screen.lines))
    seen = comparable("".join(row.text for row in rows_of(page.lines)))
    errors = levenshtein(truth, seen) if truth != seen else 0
    return max(0, len(truth) - errors), len(truth)

if __name__ == "__main__":
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for screen in corpus(int(sys.argv[2]) if len(sys.argv) > 2 else 12):
        (out / f"{screen.name}{screen.suffix}").write_bytes(screen.encoded())
        print(out / f"{screen.name}{screen.suffix}", screen.fields)
