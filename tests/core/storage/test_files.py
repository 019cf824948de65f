"""Tests for editor/core/storage/files.py: atomic writes on real files, and conflict detection."""

from __future__ import annotations

import errno
import gc
import hashlib
import os
import shutil
import signal
import stat
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from unavailable import unavailable

from editor.core import storage
from editor.core.errors import PostError
from editor.core.storage.files import (
    ConflictError,
    FileStamp,
    atomic_write,
    changed_on_disk,
    save,
    stamp_of,
    write_new,
)
from tests.users import as_nobody, open_folder

ORIGINAL = b"---\ntitle: Hello\n---\n\nFirst version.\n"
EDITED = b"---\ntitle: Hello again\n---\n\nSecond version, longer.\n"


@pytest.fixture
def post(tmp_path: Path) -> Path:
    path = tmp_path / "hello.md"
    path.write_bytes(ORIGINAL)
    return path


def mode_of(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def fail_with(code: int):
    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(code, os.strerror(code))

    return fail


# --- atomic_write -------------------------------------------------------------------------


def test_write_then_read_back(post: Path) -> None:
    atomic_write(post, EDITED)
    assert post.read_bytes() == EDITED
    assert os.listdir(post.parent) == [post.name]


def test_new_file_gets_the_default_mode_minus_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        atomic_write(tmp_path / "new.md", ORIGINAL)
    finally:
        os.umask(old)
    assert (tmp_path / "new.md").read_bytes() == ORIGINAL
    assert mode_of(tmp_path / "new.md") == 0o640


@pytest.mark.parametrize("mode", [0o600, 0o664, 0o640])
def test_permission_bits_are_kept(post: Path, mode: int) -> None:
    post.chmod(mode)
    atomic_write(post, EDITED)
    assert mode_of(post) == mode
    assert post.read_bytes() == EDITED


def test_symlink_stays_a_link_and_its_target_is_updated(tmp_path: Path) -> None:
    real_dir = tmp_path / "real"
    real_dir.mkdir()
    real = real_dir / "post.md"
    real.write_bytes(ORIGINAL)
    link = tmp_path / "link.md"
    link.symlink_to(os.path.relpath(real, tmp_path))
    atomic_write(link, EDITED)
    assert link.is_symlink()
    assert real.read_bytes() == EDITED
    # the temp file went next to the real file (same file system) and is gone
    assert sorted(os.listdir(tmp_path)) == ["link.md", "real"]
    assert os.listdir(real_dir) == ["post.md"]


@pytest.mark.parametrize("failing", ["fsync", "replace"])
def test_disk_full_mid_write_leaves_the_original_and_no_temp_file(
    post: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    monkeypatch.setattr(os, failing, fail_with(errno.ENOSPC))
    with pytest.raises(PostError) as caught:
        atomic_write(post, EDITED)
    monkeypatch.undo()
    assert "the disk is full" in caught.value.message
    assert "nothing was changed" in caught.value.message
    assert caught.value.path == post
    assert post.read_bytes() == ORIGINAL
    assert os.listdir(post.parent) == [post.name]


def test_any_exception_removes_the_temp_file_and_passes_through(
    post: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupt(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupt)
    with pytest.raises(KeyboardInterrupt):
        atomic_write(post, EDITED)
    monkeypatch.undo()
    assert post.read_bytes() == ORIGINAL
    assert os.listdir(post.parent) == [post.name]


def test_read_only_folder_is_refused_with_permission_denied(
    post: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if os.geteuid() == 0:
        # root writes through chmod 0o500; make the creation of the temp file fail as it
        # would for anyone else, through the same errno path.
        monkeypatch.setattr(os, "open", fail_with(errno.EACCES))
    post.parent.chmod(0o500)
    try:
        with pytest.raises(PostError) as caught:
            atomic_write(post, EDITED)
    finally:
        post.parent.chmod(0o700)
        monkeypatch.undo()
    assert "could not save: permission denied" in caught.value.message
    assert post.read_bytes() == ORIGINAL
    assert os.listdir(post.parent) == [post.name]


@pytest.mark.parametrize(
    ("code", "cause"),
    [
        (errno.EACCES, "permission denied"),
        (errno.EPERM, "permission denied"),
        (errno.EROFS, "read-only"),
        (errno.ENOSPC, "the disk is full"),
        (errno.EDQUOT, "the disk is full"),
        (errno.ENOENT, "the folder no longer exists"),
        (errno.EISDIR, "the path is a folder"),
        (errno.EIO, os.strerror(errno.EIO)),  # not in the table: the system's own words
    ],
)
def test_os_errors_are_told_in_a_writers_words(
    post: Path, monkeypatch: pytest.MonkeyPatch, code: int, cause: str
) -> None:
    monkeypatch.setattr(os, "replace", fail_with(code))
    with pytest.raises(PostError) as caught:
        atomic_write(post, EDITED)
    monkeypatch.undo()
    message = caught.value.message
    assert message.startswith("could not save: ")
    assert cause in message
    assert message.endswith("; nothing was changed on disk")
    assert post.read_bytes() == ORIGINAL
    assert os.listdir(post.parent) == [post.name]


def test_folder_that_no_longer_exists(tmp_path: Path) -> None:
    gone = tmp_path / "gone"
    gone.mkdir()
    gone.rmdir()
    with pytest.raises(PostError, match="the folder no longer exists"):
        atomic_write(gone / "post.md", ORIGINAL)
    assert not gone.exists()


def test_path_that_is_a_folder(tmp_path: Path) -> None:
    (tmp_path / "post.md").mkdir()
    with pytest.raises(PostError, match="the path is a folder"):
        atomic_write(tmp_path / "post.md", ORIGINAL)
    assert (tmp_path / "post.md").is_dir()
    assert os.listdir(tmp_path) == ["post.md"]


# --- stamps and conflicts -----------------------------------------------------------------


def test_stamp_describes_the_bytes(post: Path) -> None:
    stamp = stamp_of(post)
    assert stamp == FileStamp(
        os.stat(post).st_mtime_ns, len(ORIGINAL), hashlib.sha256(ORIGINAL).hexdigest()
    )


def test_stamp_of_given_bytes_does_not_read_again(
    post: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Path, "read_bytes", fail_with(errno.EIO))
    assert stamp_of(post, ORIGINAL).digest == hashlib.sha256(ORIGINAL).hexdigest()


def test_a_stamp_describes_the_bytes_read_even_when_asked_after_the_file_changed(
    post: Path,
) -> None:
    stamp = stamp_of(post)  # its digest is worked out when first asked, from the bytes read
    post.write_bytes(EDITED)
    assert stamp.digest == hashlib.sha256(ORIGINAL).hexdigest()
    assert stamp == FileStamp(stamp.mtime_ns, len(ORIGINAL), hashlib.sha256(ORIGINAL).hexdigest())
    assert stamp != FileStamp(stamp.mtime_ns, len(ORIGINAL), hashlib.sha256(EDITED).hexdigest())
    assert changed_on_disk(post, stamp)


def test_a_stamp_lets_go_of_the_bytes_read_once_it_has_their_digest(post: Path) -> None:
    data = post.read_bytes()
    stamp = stamp_of(post, data)
    assert any(held is data for held in gc.get_referents(stamp))  # to hash when asked
    assert stamp.digest == hashlib.sha256(ORIGINAL).hexdigest()
    assert not any(held is data for held in gc.get_referents(stamp))  # a post's bytes, once


def test_same_mtime_and_size_is_trusted_without_hashing(
    post: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stamp = stamp_of(post)
    monkeypatch.setattr(Path, "read_bytes", fail_with(errno.EIO))  # a read would say "changed"
    assert not changed_on_disk(post, stamp)


def test_touch_is_not_a_change(post: Path) -> None:
    stamp = stamp_of(post)
    os.utime(post, ns=(stamp.mtime_ns, stamp.mtime_ns + 5_000_000_000))
    assert not changed_on_disk(post, stamp)
    assert save(post, EDITED, stamp).digest == hashlib.sha256(EDITED).hexdigest()
    assert post.read_bytes() == EDITED


def test_same_size_rewrite_is_a_change(post: Path) -> None:
    stamp = stamp_of(post)
    post.write_bytes(ORIGINAL.replace(b"First", b"Final"))
    os.utime(post, ns=(stamp.mtime_ns, stamp.mtime_ns + 5_000_000_000))
    assert changed_on_disk(post, stamp)


def test_deleted_file_is_a_change(post: Path) -> None:
    stamp = stamp_of(post)
    post.unlink()
    assert changed_on_disk(post, stamp)
    with pytest.raises(ConflictError, match="deleted or moved"):
        save(post, EDITED, stamp)
    assert not post.exists()


def test_save_refuses_to_overwrite_a_change_made_elsewhere(post: Path) -> None:
    stamp = stamp_of(post)
    post.write_bytes(b"edited in another program\n")
    with pytest.raises(ConflictError) as caught:
        save(post, EDITED, stamp)
    assert caught.value.path == post
    assert "changed on disk" in caught.value.message
    assert post.read_bytes() == b"edited in another program\n"


def test_force_overwrites_a_change_made_elsewhere(post: Path) -> None:
    stamp = stamp_of(post)
    post.write_bytes(b"edited in another program\n")
    save(post, EDITED, stamp, force=True)
    assert post.read_bytes() == EDITED


def test_save_returns_the_stamp_of_what_it_wrote(post: Path) -> None:
    new = save(post, EDITED, stamp_of(post))
    assert new == stamp_of(post)
    assert not changed_on_disk(post, new)
    # and the next save from that stamp goes through
    save(post, ORIGINAL, new)
    assert post.read_bytes() == ORIGINAL


def test_new_file_must_not_exist(post: Path) -> None:
    with pytest.raises(ConflictError, match="already exists") as caught:
        save(post, EDITED, None)
    assert caught.value.path == post
    assert post.read_bytes() == ORIGINAL
    save(post, EDITED, None, force=True)
    assert post.read_bytes() == EDITED


def test_new_file_is_created(tmp_path: Path) -> None:
    path = tmp_path / "fresh.md"
    stamp = save(path, ORIGINAL, None)
    assert path.read_bytes() == ORIGINAL
    assert stamp == stamp_of(path)


def test_conflict_error_is_a_post_error() -> None:
    assert issubclass(storage.ConflictError, PostError)


# --- read-only files, folders, and staying inside the content folder ----------------------


def test_a_read_only_file_is_not_replaced() -> None:
    # The rename would succeed: it needs only the folder's permission. Root may write any
    # file, so as root the save is made as `nobody`, in a folder that user may enter.
    folder = Path(tempfile.mkdtemp(prefix="post-editor-ro-"))
    try:
        folder.chmod(0o777)
        post = folder / "hello.md"
        post.write_bytes(ORIGINAL)
        post.chmod(0o444)
        stamp = stamp_of(post)
        with as_nobody(), pytest.raises(PostError, match="the file is read-only; nothing was"):
            save(post, EDITED, stamp, force=True)
        assert post.read_bytes() == ORIGINAL
        assert mode_of(post) == 0o444
        assert os.listdir(folder) == [post.name]
    finally:
        shutil.rmtree(folder)


def test_a_read_only_file_is_written_only_by_root(post: Path) -> None:
    post.chmod(0o444)
    if os.geteuid() != 0:
        with pytest.raises(PostError, match="read-only"):
            save(post, EDITED, stamp_of(post))
        assert post.read_bytes() == ORIGINAL
        return
    save(post, EDITED, stamp_of(post))  # as chmod, git and every editor let root
    assert post.read_bytes() == EDITED and mode_of(post) == 0o444


def test_a_path_that_became_a_folder_is_refused_before_any_conflict(post: Path) -> None:
    stamp = stamp_of(post)
    post.unlink()
    post.mkdir()
    with pytest.raises(PostError, match="the path is a folder") as caught:
        save(post, EDITED, stamp)
    assert not isinstance(caught.value, ConflictError)  # no "overwrite?" that cannot work


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A content folder, next to a folder outside it holding a precious file."""
    (tmp_path / "site").mkdir()
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "precious.txt").write_bytes(ORIGINAL)
    return tmp_path / "site"


def test_a_symlink_out_of_the_folder_is_not_written_through(site: Path) -> None:
    precious = site.parent / "outside" / "precious.txt"
    link = site / "post.md"
    link.symlink_to(precious)
    for force in (False, True):
        with pytest.raises(PostError, match="outside the content folder") as caught:
            save(link, EDITED, stamp_of(link), force=force, within=site)
        assert "nothing was written" in caught.value.message
        assert caught.value.path == link
    assert precious.read_bytes() == ORIGINAL
    assert link.is_symlink()
    assert sorted(os.listdir(site.parent / "outside")) == ["precious.txt"]


def test_a_subfolder_linked_out_of_the_folder_is_refused_too(site: Path) -> None:
    (site / "2026").symlink_to(site.parent / "outside", target_is_directory=True)
    with pytest.raises(PostError, match="outside the content folder"):
        save(site / "2026" / "new.md", EDITED, None, within=site)
    assert sorted(os.listdir(site.parent / "outside")) == ["precious.txt"]


def test_a_symlink_within_the_folder_is_written_through(site: Path) -> None:
    (site / "real").mkdir()
    real = site / "real" / "post.md"
    real.write_bytes(ORIGINAL)
    link = site / "post.md"
    link.symlink_to(real)
    save(link, EDITED, stamp_of(link), within=site)
    assert real.read_bytes() == EDITED and link.is_symlink()


def test_a_folder_reached_through_a_symlink_is_its_own_inside(site: Path, tmp_path: Path) -> None:
    alias = tmp_path / "alias"
    alias.symlink_to(site, target_is_directory=True)
    (site / "post.md").write_bytes(ORIGINAL)
    save(alias / "post.md", EDITED, stamp_of(alias / "post.md"), within=alias)
    save(site / "new.md", EDITED, None, within=alias)
    assert (site / "post.md").read_bytes() == EDITED == (site / "new.md").read_bytes()


def test_a_link_to_a_sibling_folder_with_the_same_prefix_is_outside(site: Path) -> None:
    twin = site.parent / "site-backup"
    twin.mkdir()
    (twin / "post.md").write_bytes(ORIGINAL)
    (site / "post.md").symlink_to(twin / "post.md")
    with pytest.raises(PostError, match="outside the content folder"):
        save(site / "post.md", EDITED, stamp_of(site / "post.md"), within=site)
    assert (twin / "post.md").read_bytes() == ORIGINAL


def test_post_save_passes_within_on(site: Path) -> None:
    from editor.core.document.post import Post

    precious = site.parent / "outside" / "precious.txt"
    (site / "post.md").symlink_to(precious)
    post = Post.read(site / "post.md").with_body("changed\n")
    with pytest.raises(PostError, match="outside the content folder"):
        post.save(within=site)
    assert post.save().path == site / "post.md"  # without a folder, the link is followed
    assert precious.read_text().endswith("changed\n")


def test_write_new_writes_a_new_name_all_at_once(tmp_path):
    write_new(tmp_path / "a.png", b"picture")
    assert (tmp_path / "a.png").read_bytes() == b"picture"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.png"]  # no temp file left


@pytest.mark.parametrize("hard_links", [True, False])
def test_write_new_never_replaces_a_file_that_took_the_name(tmp_path, monkeypatch, hard_links):
    if not hard_links:  # a FAT stick or a network share: the name is claimed with O_EXCL

        def no_link(src, dst):
            raise PermissionError(errno.EPERM, "Operation not permitted")

        monkeypatch.setattr(os, "link", no_link)
        write_new(tmp_path / "fresh.png", b"new")
        assert (tmp_path / "fresh.png").read_bytes() == b"new"
    (tmp_path / "a.png").write_bytes(b"someone else's")
    with pytest.raises(FileExistsError):
        write_new(tmp_path / "a.png", b"ours")
    assert (tmp_path / "a.png").read_bytes() == b"someone else's"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["a.png", *([] if hard_links else ["fresh.png"])]
    )


# --- what a save keeps: links, owner, attributes (issue 13, point 9) -----------------------


def _leftovers(folder: Path, *posts: str) -> list[str]:
    return sorted(set(os.listdir(folder)) - set(posts))


def test_a_hard_linked_post_is_written_in_place_and_its_twin_sees_the_new_text(post: Path):
    twin = post.parent / "twin.md"
    os.link(post, twin)
    inode = os.stat(post).st_ino
    new = save(post, EDITED, stamp_of(post))
    assert post.read_bytes() == twin.read_bytes() == EDITED
    assert os.stat(post).st_ino == inode and os.stat(post).st_nlink == 2
    assert new == stamp_of(post)
    assert _leftovers(post.parent, "hello.md", "twin.md") == []  # the backup copy is gone
    save(post, ORIGINAL, new)  # shorter again: the tail is cut off
    assert twin.read_bytes() == ORIGINAL


def _user_xattrs_work(path: Path) -> bool:
    try:
        os.setxattr(path, "user.probe", b"1")
        os.removexattr(path, "user.probe")
    except OSError as error:
        if error.errno in (errno.ENOTSUP, errno.EOPNOTSUPP, errno.EPERM):
            return False
        raise
    return True


@pytest.mark.skipif(not hasattr(os, "setxattr"), reason="extended attributes are Linux's")
def test_extended_attributes_are_kept(post: Path) -> None:
    if not _user_xattrs_work(post):
        unavailable("this file system takes no user extended attributes")
    os.setxattr(post, "user.origin", b"camera roll")
    post.chmod(0o640)
    save(post, EDITED, stamp_of(post))
    assert post.read_bytes() == EDITED
    assert os.getxattr(post, "user.origin") == b"camera roll"
    assert mode_of(post) == 0o640
    assert _leftovers(post.parent, "hello.md") == []


def _acl(*entries: tuple[int, int, int]) -> bytes:
    """A POSIX ACL as Linux keeps it in `system.posix_acl_access`: version 2, then entries of
    (tag, permissions, id) in tag order."""
    return struct.pack("<I", 2) + b"".join(struct.pack("<HHI", *entry) for entry in entries)


@pytest.mark.skipif(not hasattr(os, "setxattr"), reason="POSIX ACLs are Linux's")
def test_an_access_control_list_is_kept(post: Path) -> None:
    no_id = 0xFFFFFFFF
    # owner rw-, user 1234 r--, group r--, mask r--, others ---
    acl = _acl(
        (0x01, 6, no_id), (0x02, 4, 1234), (0x04, 4, no_id), (0x10, 4, no_id), (0x20, 0, no_id)
    )
    try:
        os.setxattr(post, "system.posix_acl_access", acl)
    except OSError as error:
        if error.errno in (errno.ENOTSUP, errno.EOPNOTSUPP):
            unavailable("this file system has no POSIX ACLs")
        raise
    save(post, EDITED, stamp_of(post))
    assert post.read_bytes() == EDITED
    assert os.getxattr(post, "system.posix_acl_access") == acl
    assert mode_of(post) == 0o640


@pytest.mark.skipif(
    not hasattr(os, "chown") or os.geteuid() != 0, reason="only root gives files away"
)
def test_the_owner_and_group_are_kept(post: Path) -> None:
    os.chown(post, 1234, 1234)
    post.chmod(0o664)
    save(post, EDITED, stamp_of(post))
    st = os.stat(post)
    assert (st.st_uid, st.st_gid) == (1234, 1234)
    assert mode_of(post) == 0o664 and post.read_bytes() == EDITED
    assert _leftovers(post.parent, "hello.md") == []


@pytest.mark.skipif(not hasattr(os, "seteuid") or os.geteuid() != 0, reason="needs two users")
def test_a_post_whose_owner_a_new_file_cannot_have_is_written_in_place() -> None:
    # `nobody` may write root's 0o666 post, but a file `nobody` makes cannot be given to root:
    # the post is written in place, behind a backup copy, and stays root's.
    with open_folder() as folder:
        post = folder / "hello.md"
        post.write_bytes(ORIGINAL)
        post.chmod(0o666)
        inode = os.stat(post).st_ino
        stamp = stamp_of(post)
        with as_nobody():
            save(post, EDITED, stamp)
        st = os.stat(post)
        assert (st.st_uid, st.st_ino, post.read_bytes()) == (0, inode, EDITED)
        assert _leftovers(folder, "hello.md") == []


# --- leftovers of killed saves (issue 13, point 10) ------------------------------------------


def test_a_save_removes_the_temp_files_a_killed_save_of_the_post_left(post: Path) -> None:
    folder = post.parent
    (folder / ".hello.md.0123456789abcdef.tmp").write_bytes(EDITED[:10])
    (folder / ".hello.md.lock").write_bytes(b"")  # its lock file, from a killed process
    (folder / ".other.md.0123456789abcdef.tmp").write_bytes(b"not this post's")
    save(post, EDITED, stamp_of(post))
    assert post.read_bytes() == EDITED
    assert _leftovers(folder, "hello.md") == [".other.md.0123456789abcdef.tmp"]


def test_a_stale_backup_with_the_post_torn_is_rolled_back(post: Path) -> None:
    # A process killed while writing a post in place left the backup and a torn post: the
    # next save (or scan) puts the backup back first, as SQLite rolls back a hot journal.
    tag = hashlib.sha256(EDITED).hexdigest()[:16]
    (post.parent / f".hello.md.{tag}.bak").write_bytes(ORIGINAL)
    post.write_bytes(EDITED[:12] + ORIGINAL[12:])
    storage.sweep(post)
    assert post.read_bytes() == ORIGINAL
    assert _leftovers(post.parent, "hello.md") == []


def test_a_stale_backup_of_a_finished_write_is_removed(post: Path) -> None:
    tag = hashlib.sha256(ORIGINAL).hexdigest()[:16]
    (post.parent / f".hello.md.{tag}.bak").write_bytes(b"the version before")
    storage.sweep(post)
    assert post.read_bytes() == ORIGINAL  # it was written whole: kept
    assert _leftovers(post.parent, "hello.md") == []


# --- special files (issue 13, point 12) ------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_post_that_became_a_fifo_is_changed_and_never_written(post: Path) -> None:
    stamp = stamp_of(post)
    post.unlink()
    os.mkfifo(post)
    assert changed_on_disk(post, stamp)
    with pytest.raises(PostError, match="named pipe"):
        save(post, EDITED, stamp, force=True)
    assert post.is_fifo()


SAVE_BIG = (
    "import sys\n"
    "from pathlib import Path\n"
    "from editor.core.errors import PostError\n"
    "from editor.core.storage.files import save, stamp_of\n"
    "post = Path(sys.argv[1])\n"
    "try:\n"
    "    save(post, b'x' * 8192, stamp_of(post))\n"
    "except PostError as error:\n"
    "    print(error.message)\n"
)


@pytest.mark.skipif(not hasattr(signal, "SIGXFSZ"), reason="needs RLIMIT_FSIZE")
def test_a_write_in_place_that_fails_half_way_puts_the_old_bytes_back(post: Path) -> None:
    # A process that may not write past 4 KB (RLIMIT_FSIZE: EFBIG, as on a full disk) saves
    # 8 KB over a hard-linked post: the first 4 KB go in, then the backup is written back.
    os.link(post, post.parent / "twin.md")

    def limit() -> None:
        import resource  # not on Windows

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

    done = subprocess.run(
        [sys.executable, "-c", SAVE_BIG, str(post)],
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=limit,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.startswith("could not save: the file is too large")
    assert done.stdout.rstrip().endswith("nothing was changed on disk")
    assert post.read_bytes() == (post.parent / "twin.md").read_bytes() == ORIGINAL
    assert _leftovers(post.parent, "hello.md", "twin.md") == []
