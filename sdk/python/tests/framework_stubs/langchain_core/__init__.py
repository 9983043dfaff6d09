# SPDX-License-Identifier: MIT
"""Stand-in for langchain_core (tests only; see ../README.md)."""
