# SPDX-License-Identifier: MIT
"""Stand-in for the anthropic package (tests only; see ../README.md)."""
