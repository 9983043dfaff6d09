# SPDX-License-Identifier: MIT
"""Stand-in for the openai package (tests only; see ../README.md)."""
