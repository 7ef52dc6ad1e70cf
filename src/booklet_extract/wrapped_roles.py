"""Where a speaker's role wrapped onto the next line goes on, by its words alone.

Two readers ask it: the block stage joining an attribution's lines (`recognisers`) and the
layout-mode source reading a margin attribution's lines before the quote beside it
(`sources.lines_alone`), where case tells nothing ("Ann Ek, Chief" / "Executive of Alpha
City" / "Council"). The words are the genre's, from the `Profile`.
"""

from __future__ import annotations

from .profile import Profile

BODY_MAX_WORDS = 3
"""Words of a body's name closing a wrapped role, at most ("Borough Council")."""


def title_to_come(role: str, nxt: str, profile: Profile) -> bool:
    """Does the role end on a word that only qualifies the title still to come, which
    `nxt` opens ("Chief" / "Executive Officer of Alpha", `Profile.role_qualifiers`)?"""
    words = role.split()
    return bool(words) and words[-1].lower() in profile.role_qualifiers and bool(profile.role_line.match(nxt))


def names_a_body(text: str, profile: Profile) -> bool:
    """A short line of capitalised words ending on a word that closes a body's name
    (`Profile.role_bodies`: "Borough Council", "County"): the end of a wrapped role,
    not a caption, which goes on in lowercase ("Council meeting")."""
    words = text.split()
    return (0 < len(words) <= BODY_MAX_WORDS and all(w[:1].isupper() for w in words)
            and words[-1].lower().strip(".,") in profile.role_bodies)
