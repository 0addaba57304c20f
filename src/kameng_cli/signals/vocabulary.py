"""Phrase vocabularies for signals: the shipped data files (signals/data/*.toml) merged with the user's
own (<case>/signals/*.toml, same tables; `ignore = [...]` in a table drops built-in phrases).

All phrases of one speaker role are compiled into ONE trie-shaped regular expression, so a message is
scanned once whatever the size of the vocabulary (the 100,000-message benchmark depends on it)."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import UserInputError

DATA_FILES = ("common.toml", "promises.toml", "deflections.toml", "admissions.toml", "refusals.toml", "demands.toml")
DEFLECTION_CATEGORIES = ("system-delay", "upstream", "blames-user", "escalated", "asks-to-wait", "asks-for-proof")
CLAIMS = ("refund", "redeliver", "compensation")


@dataclass(frozen=True, slots=True)
class Meaning:
    kind: str  # anchored / vague / outcome / deflection / admission / refused / claim / threat
    category: str = ""  # resolve key, deflection category, claim, threat channel


@dataclass
class Vocabulary:
    tables: dict[str, Any]
    counterparty: dict[str, list[Meaning]] = field(default_factory=dict)
    me: dict[str, list[Meaning]] = field(default_factory=dict)
    counterparty_re: re.Pattern[str] | None = None
    me_re: re.Pattern[str] | None = None
    negations: tuple[str, ...] = ()
    question_markers: tuple[str, ...] = ()
    question_endings: tuple[str, ...] = ()
    hedges: tuple[str, ...] = ()
    conditions: tuple[str, ...] = ()
    verbs_re: re.Pattern[str] | None = None
    sources: list[str] = field(default_factory=list)
    # A cheap first look: a message matching neither prefilter carries no signal (most messages).
    counterparty_prefilter: re.Pattern[str] | None = None
    me_prefilter: re.Pattern[str] | None = None
    # The tries followed by the rest of the text up to a NUL: one match per text of a joined log.
    counterparty_scan: re.Pattern[str] | None = None
    me_scan: re.Pattern[str] | None = None
    cache: dict[tuple[str, str], list[Any]] = field(default_factory=dict)  # (role, text) → time-free signals
    # The word lists above as one regex each (one scan in C instead of a `word in text` per word).
    # negation_re finds a negation ending at most two characters before the end of the text.
    negation_re: re.Pattern[str] | None = None
    question_marker_re: re.Pattern[str] | None = None
    hedge_re: re.Pattern[str] | None = None
    condition_re: re.Pattern[str] | None = None


def _builtin_tables() -> list[tuple[str, dict[str, Any]]]:
    package = resources.files("kameng_cli.signals") / "data"
    return [(f"signals/data/{name}", tomllib.loads(package.joinpath(name).read_text(encoding="utf-8"))) for name in DATA_FILES]


def _user_tables(case_root: Path | None) -> list[tuple[str, dict[str, Any]]]:
    if case_root is None:
        return []
    folder = case_root / "signals"
    if not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.glob("*.toml")):
        try:
            found.append((str(path), tomllib.loads(path.read_text(encoding="utf-8-sig"))))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise UserInputError("signals.vocab_invalid", file=str(path), detail=str(exc)) from exc
    return found


def _merge(target: dict[str, Any], extra: dict[str, Any]) -> None:
    """Lists are appended, tables merged, arrays of tables matched by their `resolve`/`channel`."""
    for key, value in extra.items():
        if isinstance(value, dict):
            _merge(target.setdefault(key, {}), value)
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            existing = target.setdefault(key, [])
            for item in value:
                ident = item.get("resolve") or item.get("channel")
                match = next((e for e in existing if ident and (e.get("resolve") or e.get("channel")) == ident), None)
                if match is None:
                    existing.append(dict(item))
                else:
                    _merge(match, item)
        elif isinstance(value, list):
            target[key] = [*target.get(key, []), *value]
        else:
            target[key] = value


def _phrases(table: dict[str, Any]) -> list[str]:
    ignored = set(table.get("ignore", []))
    return [p for p in dict.fromkeys(table.get("phrases", [])) if p and p not in ignored]


def trie_regex(words: list[str]) -> str:
    """A regex matching any of `words`, shaped as a trie so the engine does not try each word in turn;
    at a position the longest word wins."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _node_regex(trie) or "(?!)"

def _node_regex(node: dict[str, Any]) -> str:
    # Every alternative starts with a literal character (no [abc] classes): then the regex compiler
    # knows the set of possible first characters and the engine skips other positions in C.
    terminal = "" in node
    branches = [re.escape(char) + _node_regex(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "|".join(branches)
    single = len(branches) == 1 and (len(body) == 1 or (len(body) == 2 and body[0] == "\\"))
    grouped = body if single else f"(?:{body})"
    return f"{grouped}?" if terminal else grouped


def build(tables: dict[str, Any], sources: list[str] | None = None) -> Vocabulary:
    vocab = Vocabulary(tables=tables, sources=sources or [])
    cp, me = vocab.counterparty, vocab.me

    def add(target: dict[str, list[Meaning]], phrases: list[str], meaning: Meaning) -> None:
        for phrase in phrases:
            meanings = target.setdefault(phrase, [])
            if meaning not in meanings:
                meanings.append(meaning)

    promises = tables.get("promises", {})
    for anchor in promises.get("anchored", []):
        add(cp, _phrases(anchor), Meaning("anchored", anchor["resolve"]))
    add(cp, _phrases(promises.get("vague", {})), Meaning("vague"))
    add(cp, _phrases(promises.get("outcome", {})), Meaning("outcome"))
    deflections = tables.get("deflections", {})
    for category in DEFLECTION_CATEGORIES:
        add(cp, _phrases(deflections.get(category, {})), Meaning("deflection", category))
    add(cp, _phrases(tables.get("admissions", {}).get("admission", {})), Meaning("admission"))
    add(cp, _phrases(tables.get("refusals", {}).get("refused", {})), Meaning("refused"))
    demands = tables.get("demands", {})
    for claim in CLAIMS:
        add(me, _phrases(demands.get(claim, {})), Meaning("claim", claim))
    for threat in demands.get("threat", []):
        add(me, _phrases(threat), Meaning("threat", threat["channel"]))
    # The tries also carry the 帐 spelling of every 账 phrase, so that they can run on unfolded text,
    # and the normalised form of every phrase (再等两天 → 再等2天): the close reading sees normalised text.
    from .normalise import normalise

    for table in (cp, me):
        for phrase in list(table):
            table.setdefault(normalise(phrase), table[phrase])
        for phrase in [p for p in table if "账" in p]:
            table.setdefault(phrase.replace("账", "帐"), table[phrase])
    vocab.counterparty_re = re.compile(trie_regex(list(cp)))
    vocab.me_re = re.compile(trie_regex(list(me)))
    vocab.counterparty_scan = re.compile(f"(?:{vocab.counterparty_re.pattern})[^\x00]*")
    vocab.me_scan = re.compile(f"(?:{vocab.me_re.pattern})[^\x00]*")
    vocab.counterparty_prefilter = _key_chars([*cp, *_TIME_KEYS])
    vocab.me_prefilter = _key_chars(list(me))
    common = tables.get("common", {})
    vocab.negations = tuple(_words(common.get("negation", {}), "before"))
    vocab.question_markers = tuple(_words(common.get("question", {}), "markers"))
    vocab.question_endings = tuple(_words(common.get("question", {}), "endings"))
    vocab.hedges = tuple(_words(common.get("hedge", {}), "words"))
    vocab.conditions = tuple(_words(common.get("condition", {}), "words"))
    vocab.verbs_re = re.compile(trie_regex(_words(promises.get("action", {}), "verbs")))
    vocab.negation_re = re.compile(f"(?:{trie_regex(list(vocab.negations))})[\\s\\S]{{0,2}}\\Z")
    vocab.question_marker_re = re.compile(trie_regex(list(vocab.question_markers)))
    vocab.hedge_re = re.compile(trie_regex(list(vocab.hedges)))
    vocab.condition_re = re.compile(trie_regex(list(vocab.conditions)))
    return vocab


# The first look at a message: one character class of "key characters", the least common character
# of every phrase (a message holding a phrase holds its key character, so nothing is missed) plus the
# unit characters of durations, clock times and weekdays. A class is scanned in C at a few ns a
# character, where a trie of hundreds of phrases costs a hundred times more.
_COMMON = ("的一是不了人我在有他这为之大来以个中上们到说国和地也子时道出而要于就下得可你年生自会那后能对着事其里所去行过家十"
           "用发天如然作方成者多日都三小军二无同么经法当起与好看学进种将还分此心前面又定见只主没公从知全两长把机工现所"
           "给您亲吧呢啊哦哈嗯好的吗么啦已经请再")
_TIME_KEYS = ["分", "时", "钟", "天", "日", "周", "期", "拜", "点", ":", "：", "h", "H", "min"]


def _key_chars(phrases: list[str]) -> re.Pattern[str]:
    rank = {char: index for index, char in enumerate(_COMMON)}
    keys = set()
    for phrase in phrases:
        folded = phrase.replace("账", "帐")
        for variant in {phrase, folded}:
            keys.add(max(variant, key=lambda char: rank.get(char, len(_COMMON))))
    return re.compile("[" + "".join(re.escape(k) for k in sorted(keys)) + "]")


def _words(table: dict[str, Any], key: str) -> list[str]:
    ignored = set(table.get("ignore", []))
    return [w for w in dict.fromkeys(table.get(key, [])) if w and w not in ignored]


_cache: dict[tuple[Any, ...], Vocabulary] = {}


def load(case_root: Path | None = None) -> Vocabulary:
    """The vocabulary for a case (built-in + the case's signals/*.toml), cached per file state."""
    user_files = sorted((case_root / "signals").glob("*.toml")) if case_root and (case_root / "signals").is_dir() else []
    key = tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in user_files)
    cached = _cache.get(key)
    if cached is not None:
        return cached
    merged: dict[str, Any] = {}
    sources = []
    for name, data in _builtin_tables():
        merged[name.rsplit("/", 1)[-1].removesuffix(".toml")] = data
        sources.append(name)
    for name, data in _user_tables(case_root):
        # A user file may hold tables of any built-in file; keyed by the built-in file's stem, or flat.
        for section, value in data.items():
            if section in merged and isinstance(value, dict):
                _merge(merged[section], value)
            else:
                for tables in merged.values():
                    if section in tables:
                        _merge(tables, {section: value})
                        break
        sources.append(name)
    vocab = build(merged, sources)
    _cache[key] = vocab
    return vocab
