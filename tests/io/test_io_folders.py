"""Input folders: symlinks out of the folder are not followed by default; skipped entries are counted per reason."""
from __future__ import annotations

import os

import pytest

from mediacheck.io import ReadStats, read_articles

BODY = "The council approved the budget on Tuesday after a long debate."

pytestmark = pytest.mark.skipif(not hasattr(os, "symlink") or os.name == "nt", reason="needs POSIX symlinks")


@pytest.fixture
def linked(tmp_path):
    """A corpus with links out of it (a secret file, a folder), links inside it, a loop and a broken link."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("root:x:0:0:root:/root:/bin/bash", encoding="utf-8")
    (outside / "more").mkdir()
    (outside / "more" / "x.txt").write_text("outside folder", encoding="utf-8")
    root = tmp_path / "corpus"
    (root / "daily").mkdir(parents=True)
    (root / "daily" / "budget.txt").write_text(BODY, encoding="utf-8")
    (root / "daily" / "passwd.txt").symlink_to(outside / "secret.txt")
    (root / "daily" / "elsewhere").symlink_to(outside / "more", target_is_directory=True)
    (root / "daily" / "alias.txt").symlink_to(root / "daily" / "budget.txt")
    (root / "daily" / "loop").symlink_to(root / "daily", target_is_directory=True)
    (root / "daily" / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (root / "daily" / ".draft.txt").write_text("hidden", encoding="utf-8")
    (root / ".cache").mkdir()
    (root / "daily" / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    return root


def test_symlinks_out_of_the_folder_are_skipped_and_counted(linked):
    stats = ReadStats()
    arts = list(read_articles(str(linked), stats=stats))
    assert [a.id for a in arts] == ["daily/alias", "daily/budget"]  # a link inside the folder is read
    assert all(a.text == BODY for a in arts)
    assert stats.skipped == {"symlink out of the input folder": 2, "hidden": 2, "symlink loop": 1,
                             "broken symlink": 1, "not .txt/.html": 1}
    assert stats.skipped_files == 7
    assert stats.skipped_summary() == ("7 files skipped: 2 hidden, 2 symlink out of the input folder, "
                                       "1 broken symlink, 1 not .txt/.html, 1 symlink loop")


def test_follow_links_reads_them(linked):
    stats = ReadStats()
    arts = {a.id: a for a in read_articles(str(linked), stats=stats, follow_links=True)}
    assert sorted(arts) == ["daily/alias", "daily/budget", "daily/elsewhere/x", "daily/passwd"]
    assert arts["daily/passwd"].text.startswith("root:x:0:0")
    assert "symlink out of the input folder" not in stats.skipped and stats.skipped["symlink loop"] == 1


def test_a_file_named_on_the_command_line_is_read_even_through_a_link(linked):
    (art,) = read_articles(str(linked / "daily" / "passwd.txt"))
    assert art.id == "passwd" and art.text.startswith("root:")


def test_special_files_are_skipped_not_read(tmp_path):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    os.mkfifo(tmp_path / "pipe.txt")  # reading it would block forever
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    stats = ReadStats()
    assert [a.id for a in read_articles(str(tmp_path), stats=stats)] == ["a"]
    assert stats.skipped == {"not a regular file": 1}
    assert stats.skipped_summary() == "1 file skipped: 1 not a regular file"
    assert ReadStats().skipped_summary() == ""
