"""The pure-Python logistic regression of scripts/train_heading_model.py on tiny cases."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"


@pytest.fixture(scope="module")
def thm():
    sys.path.insert(0, str(SCRIPTS))
    spec = importlib.util.spec_from_file_location(
        "train_heading_model", SCRIPTS / "train_heading_model.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules["train_heading_model"] = module
    spec.loader.exec_module(module)
    return module


def test_solve_gives_the_solution_of_a_small_system(thm):
    x = thm._solve([[2.0, 1.0], [1.0, 3.0]], [3.0, 5.0])
    assert x == pytest.approx([0.8, 1.4])


def test_train_learns_a_separable_feature(thm):
    dim = len(thm.FEATURES)

    def row(rule: float) -> list[float]:
        x = [0.0] * dim
        x[0] = 1.0
        x[thm.FEATURES.index("rule")] = rule
        return x

    rows = [(row(1.0), 1)] * 5 + [(row(0.0), 0)] * 20
    w = thm.train(rows)
    assert thm._predict(w, row(1.0)) > 0.7
    assert thm._predict(w, row(0.0)) < 0.3


def test_lead_of_takes_a_short_opening_sentence_with_body_after(thm):
    assert thm._lead_of("成绩来之不易。过去一年我们克服困难，完成了各项任务。") == (
        "成绩来之不易",
        "过去一年我们克服困难，完成了各项任务。",
    )
    assert thm._lead_of("一是加强领导。各校要成立领导小组，落实责任。") is None
