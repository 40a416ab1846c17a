"""musclemap: which muscles does this exercise work, in what role, and how hard?"""

__version__ = "0.1.0"
