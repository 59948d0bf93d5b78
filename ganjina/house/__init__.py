"""The house-style recognizer: a Layout and a site profile make an Article."""

from ganjina.house.profile import Profile, builtin_profile, load_profile
from ganjina.house.recognize import recognize

__all__ = ["Profile", "builtin_profile", "load_profile", "recognize"]
