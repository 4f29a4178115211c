"""kg.ingest.reader: finding files, reading them, skipping bad ones with a reason."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.ingest import discover, load_documents, read_source

GOOD = "Etaten fikk midler til forebygging.\nBeløpet var 12 mill. kroner.\n"


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "data", "encoding", "lines"),
    [
        ("brev.txt", "midler\nBeløpet\n".encode(), "utf-8", ("midler", "Beløpet")),
        ("brev.pdf", b"linje en\r\nlinje to", "utf-8", ("linje en", "linje to")),  # name lies
        ("uten-navn", "ø\n".encode("cp1252"), "cp1252", ("ø",)),
    ],
)
def test_reader_source_fields(
    tmp_path: Path, name: str, data: bytes, encoding: str, lines: tuple[str, ...]
) -> None:
    path = write(tmp_path, name, data)
    source = read_source(path)
    assert (source.path, source.name, source.media_type) == (path, name, "text/plain")
    assert source.sha256 == hashlib.sha256(data).hexdigest()
    assert (source.encoding, source.raw_lines) == (encoding, lines)
    assert (source.pages, source.page_count) == (None, None)


def test_reader_discover_walks_folders_sorted_without_hidden(tmp_path: Path) -> None:
    for name in ["b.txt", "a/c.txt", "a/d/e.pdf", ".skjult.txt", ".git/f.txt", "a/.g.txt"]:
        write(tmp_path, name, b"x")
    single = write(tmp_path / "annet", "enkel.txt", b"x")
    found = discover([tmp_path / "b.txt", tmp_path, single])
    expected = ["a/c.txt", "a/d/e.pdf", "annet/enkel.txt", "b.txt"]
    assert found == [tmp_path / name for name in expected]


def test_reader_discover_keeps_explicit_and_missing_paths(tmp_path: Path) -> None:
    hidden = write(tmp_path, ".explicit.txt", b"x")
    missing = tmp_path / "finnes-ikke.txt"
    assert discover([missing, hidden]) == sorted([missing, hidden])


def test_reader_load_documents_skips_bad_file_and_goes_on(tmp_path: Path) -> None:
    write(tmp_path, "bra.txt", GOOD.encode("utf-8"))
    write(tmp_path, "tom.txt", b"")
    documents, skipped = load_documents([tmp_path])
    assert [d.name for d in documents] == ["bra.txt"]
    assert [(s.path, "empty" in s.reason) for s in skipped] == [(str(tmp_path / "tom.txt"), True)]


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda root: root / "finnes-ikke.txt", "no such file"),
        (lambda root: write(root, "binær.dat", b"\x89PNG\r\n\x1a\n\x00\x00"), "binary"),
        (lambda root: write(root, "blank.txt", b" \n \n"), "only whitespace"),
    ],
)
def test_reader_bad_path_becomes_skipped(
    tmp_path: Path, make: Callable[[Path], Path], reason: str
) -> None:
    path = make(tmp_path)
    documents, skipped = load_documents([path])
    assert documents == []
    assert len(skipped) == 1
    assert skipped[0].path == str(path)
    assert reason in skipped[0].reason
    assert "\n" not in skipped[0].reason


def test_reader_unreadable_file_becomes_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, "låst.txt", GOOD.encode("utf-8"))

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    _, skipped = load_documents([path])
    assert [s.path for s in skipped] == [str(path)]
    assert "Permission denied" in skipped[0].reason


def test_reader_read_source_of_folder_is_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a folder"):
        read_source(tmp_path)


def test_reader_documents_are_normalised(tmp_path: Path) -> None:
    write(tmp_path, "brev.txt", "Pengene går til helse-\ntjenesten nå.\n".encode())
    (document,), _ = load_documents([tmp_path])
    assert [line.text for line in document.lines] == ["Pengene går til helsetjenesten", "nå."]
