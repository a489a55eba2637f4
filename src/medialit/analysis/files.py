"""Safe listing and reading of a class folder: the only part of the dashboard that touches files.

Two functions: :func:`list_submissions` (which ``.json`` files to read, with a note for every
other entry) and :func:`read_submission` (the bytes of one file, or :class:`~.report.Skip`).
Nothing in the folder is ever written or changed. The defences, and why:

* at most ``MAX_LISTED`` entries are looked at and ``max_files`` files read, each at most
  ``max_bytes`` bytes (also if it grows while it is read);
* sub-folders are read only with ``recursive=True``, at most ``MAX_FOLDER_DEPTH`` levels deep;
  links to folders are never followed;
* a symbolic link to a file is followed only when it stays inside the folder, and is skipped
  when it points at a file that is read anyway;
* a file is opened without following a last-moment link and without blocking (a pipe swapped in
  cannot hang the dashboard), then checked again on the open file itself (``fstat``);
* a file in a sub-folder is opened folder by folder from the class folder, never following a
  link on the way (``dir_fd`` and ``O_NOFOLLOW``), so a sub-folder swapped for a link after the
  listing cannot lead outside the folder; where the system cannot do that (Windows), the opened
  file is checked to be the file at its real path inside the folder;
* file names are shown with unprintable characters as escapes (:func:`show_name`).
"""
from __future__ import annotations

import collections
import errno
import os
import stat
from pathlib import Path
from typing import NamedTuple

from ..text_utils import BAD_CHARS
from .report import FILE_SKIPPED, NOTE, CappedReport, Skip

MAX_FOLDER_DEPTH = 3    # sub-folder levels read by load_class(..., recursive=True)
MAX_LISTED = 50_000     # files and folders looked at in one call (a bound on the listing itself)


class Candidate(NamedTuple):
    rel: str               # the path inside the class folder, with "/"
    entry: os.DirEntry


class RawFile(NamedTuple):
    name: str              # shown name (see show_name)
    raw: bytes
    mtime: float


def show_name(name: str) -> str:
    """A file name as it can be shown and saved safely: characters that are not printable (line
    breaks, bidirectional overrides, bytes that are not UTF-8...) are written as ``\\xNN`` /
    ``\\uNNNN`` escapes, so a name can neither break a table nor pretend to be another name."""
    if name.isprintable() and not BAD_CHARS.search(name):
        return name
    out = []
    for ch in name:
        if ch.isprintable() and not BAD_CHARS.match(ch):
            out.append(ch)
        elif "\udc80" <= ch <= "\udcff":  # a byte that is not UTF-8, as the file system gave it
            out.append(f"\\x{ord(ch) - 0xDC00:02x}")
        else:
            out.append(ch.encode("unicode_escape", "backslashreplace").decode("ascii"))
    return "".join(out)


def size_words(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 1e6 else f"{n / 1e3:.1f} kB" if n >= 1e3 else f"{n} bytes"


def _links_to_folder(entry: os.DirEntry) -> bool:
    try:
        return entry.is_symlink() and entry.is_dir(follow_symlinks=True)
    except OSError:
        return False


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False


def _why_ignored(e: os.DirEntry, is_dir: bool, recursive: bool) -> tuple[str, str] | None:
    """``(code, reason)`` for an entry that is not read, or None for a ``.json`` file."""
    json_name = e.name.lower().endswith(".json")
    if e.name.startswith("."):
        return "ignored_entry", "hidden file or folder; ignored."
    if is_dir and json_name:
        return "ignored_entry", "a folder whose name ends in .json, not a file; only files are read."
    if is_dir:
        return "subfolder", ("a sub-folder; only files directly in the folder are read "
                             "(load_class(folder, recursive=True) reads sub-folders too).")
    if not json_name:
        if recursive and _links_to_folder(e):
            return "ignored_entry", "a link to a folder; links are not followed (only real sub-folders are read)."
        return "ignored_entry", "not a .json file; ignored."
    return None


def list_submissions(root: Path, report: CappedReport, *, recursive: bool, max_files: int) -> list[Candidate]:
    """The ``.json`` files to read in ``root`` (sorted by path, at most ``max_files``); every other
    entry gets a note in ``report`` (the first ``MAX_REPORT`` one by one)."""
    group = ("ignored",)
    candidates = []
    listed = 0
    folders = collections.deque([(root, "", 0)])
    while folders and listed <= MAX_LISTED:
        here, prefix, level = folders.popleft()
        try:
            with os.scandir(here) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            if here == root:
                raise PermissionError(f"The folder {str(root)!r} cannot be listed ({exc.strerror or exc}); "
                                      "check that you may read it.") from None
            report.add(show_name(prefix.rstrip("/")), "", NOTE, "", "unlistable_folder",
                       f"this sub-folder cannot be listed ({exc.strerror or exc}); its files were not read.",
                       group=group)
            continue
        for e in entries:
            listed += 1
            if listed > MAX_LISTED:
                break
            rel = prefix + e.name
            is_dir = _is_dir(e)
            if is_dir and recursive and not e.name.startswith(".") and not e.name.lower().endswith(".json"):
                if level + 1 <= MAX_FOLDER_DEPTH:
                    folders.append((Path(e.path), rel + "/", level + 1))
                    continue
                why = ("subfolder", f"a sub-folder more than {MAX_FOLDER_DEPTH} levels deep; not read.")
            else:
                why = _why_ignored(e, is_dir, recursive)
            if why is None:
                candidates.append(Candidate(rel, e))
            else:
                report.add(show_name(rel), "", NOTE, "", *why, group=group)
    if listed > MAX_LISTED:
        report.add("", "", NOTE, "", "listing_capped", f"the folder holds more than {MAX_LISTED} files and "
                                                       "folders; only the first ones found were looked at.")
    report.flush(group, "", "", NOTE, "", "files or folders that are not .json submissions were ignored")
    candidates.sort(key=lambda c: c.rel)
    for c in candidates[max_files:]:
        report.add(show_name(c.rel), "", FILE_SKIPPED, "", "too_many_files",
                   f"the folder has more than {max_files} .json files; only the first {max_files} (by name) were read.")
    return candidates[:max_files]


def read_submissions(root: Path, candidates: list[Candidate], report: CappedReport, max_bytes: int):
    """Yield a :class:`RawFile` per readable candidate; every other one is a report row. A link
    to a file that is read anyway is skipped (it would count the same work twice)."""
    direct = {c.rel for c in candidates if not c.entry.is_symlink()}
    for c in candidates:
        name = show_name(c.rel)
        try:
            if c.entry.is_symlink():
                _skip_link_to_read_file(Path(c.entry.path), root, direct)
            raw, mtime = read_file(Path(c.entry.path), root, max_bytes)
        except Skip as why:
            report.add(name, "", FILE_SKIPPED, "", why.code, str(why))
            continue
        yield RawFile(name, raw, mtime)


def _skip_link_to_read_file(path: Path, root: Path, direct: set) -> None:
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return  # read_file explains
    if root in target.parents and target.relative_to(root).as_posix() in direct and target.is_file():
        raise Skip("link_read_already", f"it is a symbolic link to {show_name(target.relative_to(root).as_posix())}, "
                                        "which is read once already.")


def _link_target(path: Path, root: Path) -> Path:
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        raise Skip("bad_link", "it is a symbolic link to something that does not exist (or a loop of links).") from None
    if target == root:
        raise Skip("bad_link", "it is a symbolic link to the folder itself; it was not followed.")
    if root not in target.parents:
        raise Skip("bad_link", "it is a symbolic link pointing outside the folder; it was not followed.")
    return target


def _check_regular(st: os.stat_result, max_bytes: int, via_link: bool) -> None:
    if not stat.S_ISREG(st.st_mode):
        if via_link:
            raise Skip("not_regular_file", "it is a symbolic link to something that is not a file.")
        raise Skip("not_regular_file", "it is not a regular file (a pipe, device or socket).")
    if st.st_size > max_bytes:
        raise Skip("too_large", f"it is {size_words(st.st_size)}; the limit is {size_words(max_bytes)}.")


#: Whether a path can be opened folder by folder without following links (not on Windows).
_BENEATH = (os.open in os.supports_dir_fd and os.stat in os.supports_dir_fd
            and hasattr(os, "O_DIRECTORY") and hasattr(os, "O_NOFOLLOW"))
_SWAPPED = ("a folder on its way was replaced by a symbolic link while the class was read; the link "
            "was not followed.")


def _parts_inside(path: Path, root: Path) -> tuple[str, ...] | None:
    """The components of ``path`` below ``root`` (its folder's real path is used if it is not
    written below ``root``), or None when it is not inside ``root``."""
    for p in (path, Path(os.path.realpath(path.parent)) / path.name):
        try:
            parts = p.relative_to(root).parts
        except ValueError:
            continue
        if parts and ".." not in parts:
            return parts
    return None


def _open_beneath(root: Path, parts: tuple[str, ...], flags: int, max_bytes: int, via_link: bool) -> int:
    """Open ``root/parts...`` one folder at a time, following no link on the way (a folder
    swapped for a link raises :class:`Skip`); the file itself is checked before it is opened."""
    dir_flags = os.O_RDONLY | os.O_DIRECTORY | getattr(os, "O_CLOEXEC", 0)
    dfd = os.open(root, dir_flags)
    try:
        for part in parts[:-1]:
            try:
                nfd = os.open(part, dir_flags | os.O_NOFOLLOW, dir_fd=dfd)
            except OSError as exc:
                if exc.errno in (errno.ELOOP, errno.ENOTDIR, errno.EMLINK):
                    raise Skip("bad_link", _SWAPPED) from None
                raise
            os.close(dfd)
            dfd = nfd
        _check_regular(os.stat(parts[-1], dir_fd=dfd, follow_symlinks=False), max_bytes, via_link)
        return os.open(parts[-1], flags, dir_fd=dfd)
    finally:
        os.close(dfd)


def _open_checked(path: Path, root: Path, flags: int, max_bytes: int, via_link: bool) -> int:
    """Open ``path`` where folders cannot be opened one by one: afterwards, the open file must be
    the file at ``path``'s real path, and that path must be inside ``root``."""
    _check_regular(os.stat(path, follow_symlinks=False), max_bytes, via_link)
    fd = os.open(path, flags)
    try:
        real = Path(os.path.realpath(path))
        st, there = os.fstat(fd), os.stat(real)
        if root not in real.parents or (st.st_dev, st.st_ino) != (there.st_dev, there.st_ino):
            raise Skip("bad_link", _SWAPPED)
    except BaseException:
        os.close(fd)
        raise
    return fd


def read_file(entry_path: Path, root: Path, max_bytes: int) -> tuple[bytes, float]:
    """The bytes of one file and its modification time, or :class:`Skip` with the reason.

    The file is opened without following a last-moment symbolic link and without blocking (a
    named pipe swapped in after the first check cannot hang the dashboard), and is checked again
    on the open file itself (``fstat``), so a file that changes while it is read cannot slip past.
    A file inside ``root`` is opened folder by folder from ``root`` without following any link
    (:func:`_open_beneath`), so no folder on its way can be swapped for a link to elsewhere.
    """
    path = _link_target(entry_path, root) if entry_path.is_symlink() else entry_path
    flags = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
             | getattr(os, "O_NOFOLLOW", 0))
    via_link = entry_path != path
    parts = _parts_inside(path, root)
    try:
        if parts is not None and _BENEATH:
            fd = _open_beneath(root, parts, flags, max_bytes, via_link)
        elif parts is not None:
            fd = _open_checked(path, root, flags, max_bytes, via_link)
        else:  # not inside root (a class list named by MEDIALIT_ROSTER whose folder is a link)
            _check_regular(os.stat(path, follow_symlinks=False), max_bytes, via_link)
            fd = os.open(path, flags)
        try:
            st = os.fstat(fd)
            _check_regular(st, max_bytes, False)
            chunks, got = [], 0
            while got <= max_bytes:
                try:
                    chunk = os.read(fd, min(1 << 20, max_bytes + 1 - got))
                except BlockingIOError:  # pragma: no cover - regular files do not block
                    break
                if not chunk:
                    break
                chunks.append(chunk)
                got += len(chunk)
            raw = b"".join(chunks)
        finally:
            os.close(fd)
    except PermissionError:
        raise Skip("unreadable", "it cannot be read (no permission).") from None
    except OSError as exc:
        raise Skip("unreadable", f"it cannot be read ({exc.strerror or exc}).") from None
    if len(raw) > max_bytes:
        raise Skip("too_large", f"it grew larger than the limit of {size_words(max_bytes)} while it was being read.")
    if not raw.strip():
        raise Skip("empty", "it is empty.")
    return raw, st.st_mtime
