"""Involvement from mechanics: planar statics, muscle moment arms and static optimisation (docs/mechanics.md).

Only the snapshot build and the tests import this package; the CLI reads its precomputed results.
"""
