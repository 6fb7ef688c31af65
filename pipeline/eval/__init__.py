"""Scoring extraction against gold annotations (`lofte evaluate`). Entry point: `pipeline.eval.score.score`."""
