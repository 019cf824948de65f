"""Hugo's text functions that archetypes use to make a title of a file name: `title`
(by the site's `titleCaseStyle`: AP style by default, as github.com/jdkato/prose's title
converter does it; "Chicago", "Go", "FirstUpper", "None") and `humanize`
(github.com/gobuffalo/flect's `Humanize`, applied twice as Hugo does)."""

from __future__ import annotations

import re
import unicodedata


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_SMALL = _words("a an and as at but by en for if in nor of on or per the to vs vs. via v v.")
_PREPOSITIONS = _words(
    """with from into during including until against among throughout despite towards upon
    concerning about over through before between after since without under within along
    following across beyond around down near above"""
)
# prose's word: a letter or digit, then anything up to a space, a dash or a slash.
_WORD = re.compile(r"[^\W_][^\s\-/]*")
_SANITIZE = str.maketrans(
    {"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "\u2013": "-", "\u2014": "-"}
)
# flect's acronyms: a part that is one of these is written in capitals.
_ACRONYMS = _words(
    """OK UTF8 HTML JSON JWT ID UUID SQL ACK ACL ADSL AES ANSI API ARP ATM BGP BSS CCITT CHAP
    CIDR CIR CLI CPE CPU CRC CRT CSMA CMOS DCE DEC DES DHCP DNS DRAM DSL DSLAM DTE DMI EHA EIA
    EIGRP EOF ESS FCC FCS FDDI FTP GBIC GEPOF HDLC HTTP HTTPS IANA ICMP IDF IDS IEEE IETF IMAP
    IP IPS ISDN ISP LACP LAN LAPB LAPF LLC MAC MC MDF MIB MPLS MTU NAC NAT NBMA NIC NRZ NRZI
    NVRAM OSI OSPF OUI PAP PAT PC PIM PCM PDU POP3 POTS PPP PPTP PTT PVST RAM RARP RFC RIP RLL
    ROM RSTP RTP RCP SDLC SFD SFP SLARP SLIP SMTP SNA SNAP SNMP SOF SRAM SSH SSID STP SYN TDM
    TFTP TIA TOFU UDP URL URI USB UTP VC VLAN VLSM VPN W3C WAN WEP WPA WWW"""
)
_SPACES = "_ :-/"


def hugo_title(text: str, style: str = "") -> str:
    """`text` in title case as Hugo's `title` function writes it for `style`."""
    style = style.lower()
    if style == "none":
        return text
    if style == "firstupper":
        return _upper_first(text)
    if style == "go":  # Go's strings.Title: every word's first letter
        return re.sub(r"(?:^|(?<=[^\w'’]))(\w)", lambda m: _upper_first(m.group(1)), text)
    small = _SMALL | _PREPOSITIONS if style == "chicago" else _SMALL
    return _prose_title(text, small)


def _prose_title(text: str, small: frozenset[str]) -> str:
    """prose's TitleConverter.Title; positions are counted in UTF-8 bytes, as Go does."""
    sanitized = text.translate(_SANITIZE).replace("\u2026", "...").encode()
    end = len(sanitized)
    idx = 0

    def at(i: int) -> int:
        return sanitized[i] if 0 <= i < end else (sanitized[0] if end else 0)

    def one(match: re.Match[str]) -> str:
        nonlocal idx
        word = match.group()
        raw = word.encode()
        pos = sanitized.find(raw, idx)
        pos = pos if pos >= 0 else idx - 1
        prev = at(pos - 1)
        idx = pos + len(raw)
        bounding = pos == 0 or idx == end
        if (
            not bounding
            and word.lower() in small
            and prev in b" -/"
            and at(pos - 2) not in b":-"
            and (at(pos + len(raw)) != ord("-") or at(pos - 1) == ord("-"))
        ):
            return word.lower()
        return _upper_first(word)

    return _WORD.sub(one, text)


def _upper_first(word: str) -> str:
    first = word[:1].title()
    return (first if len(first) == 1 else word[:1]) + word[1:]


def hugo_humanize(text: str) -> str:
    """`text` as Hugo's `humanize` writes it: "my-first-post" → "My first post"; an
    integer gets its ordinal ("3" → "3rd")."""
    if not text:
        return ""
    if re.fullmatch(r"[+-]?\d+", text):
        return _ordinal(text)
    return _flect_humanize(_flect_humanize(text).lower())


def _ordinal(number: str) -> str:
    n = abs(int(number))
    if n % 100 in (11, 12, 13):
        return number + "th"
    return number + {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def _flect_humanize(text: str) -> str:
    parts = _parts(text)
    if parts:
        parts[0] = re.sub(r"(?:^|(?<=\W))(\w)", lambda m: m.group(1).upper(), parts[0])
        parts = _cleaned(parts)
    return " ".join(parts)


def _parts(text: str) -> list[str]:
    """flect's toParts: words split at spaces, `_:-/` and before a capital after a small
    letter; acronyms in capitals."""
    text = text.strip()
    if not text:
        return []
    if text.upper() in _ACRONYMS:
        return [text.upper()]
    parts: list[str] = []
    word, prev = "", ""
    for char in text:
        if char in _SPACES or char.isspace() or (char.isupper() and not prev.isupper()):
            parts, word = [*parts, word], char
        elif char.isalnum() or _is_punct(char) or char == "`":
            word += char
        else:
            parts, word = [*parts, word], ""
        prev = char
    return _cleaned([*parts, word])


def _is_punct(char: str) -> bool:
    return unicodedata.category(char).startswith("P")


def _cleaned(parts: list[str]) -> list[str]:
    out = []
    for part in parts:
        part = part.strip()
        for char in _SPACES:
            part = part.strip(char)
        if part.upper() in _ACRONYMS:
            part = part.upper()
        if part:
            out.append(part)
    return out
