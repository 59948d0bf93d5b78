"""What the editors' desk may accept and for how long a session lasts: chosen by whoever
starts the site (``WebConfig.desk``), each with its reason."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DeskConfig:
    #: a session unused this long ends (minutes); an editor away from the desk is signed out
    idle_minutes: float = 30.0
    #: a session ends this long after sign-in, however busy (hours)
    max_hours: float = 12.0
    #: failed sign-ins to one account within ``lockout_minutes`` before it is locked for
    #: the rest of that time (a correct password is refused too)
    max_failures: int = 5
    #: failed sign-ins from one address within ``lockout_minutes`` before it is refused
    max_address_failures: int = 20
    lockout_minutes: float = 15.0
    #: the largest upload (a request body), in megabytes: Word files with photos
    max_upload_mb: float = 20.0
    #: the most a DOCX may unpack to, and the most entries it may have: a zip bomb is
    #: refused before anything reads it
    max_unpacked_mb: float = 100.0
    max_zip_entries: int = 2000
    #: the highest compression ratio of one large entry (Word's XML packs about 10:1)
    max_zip_ratio: int = 100
    #: a session's last-seen time is written at most this often (seconds)
    touch_seconds: float = 60.0

    @property
    def max_upload_bytes(self) -> int:
        return int(self.max_upload_mb * 1024 * 1024)
