"""Graph building and measures shared by the lint rules and the views."""

from raci.analysis.analysis import Analysis, AssignmentIndex
from raci.analysis.chains import ReportingChains, chain_lengths, functional_cycles

__all__ = ["Analysis", "AssignmentIndex", "ReportingChains", "chain_lengths", "functional_cycles"]
