"""The clipped logistic function of the learned readings (blame, vague actions) and of their
trainers: one definition, so a weight fitted in bench/ means the same in the app."""

from __future__ import annotations

import math

# |z| beyond this is clipped: exp() stays finite and the probability is 1 or 0 to 13 digits
CLIP = 30.0


def sigmoid(z: float) -> float:
    """1 / (1 + e^-z), z clipped to [-CLIP, CLIP]."""
    return 1.0 / (1.0 + math.exp(-max(-CLIP, min(CLIP, z))))


def sigmoid_array(z):
    """sigmoid() of each entry of the NumPy array `z` (the trainers' fits)."""
    import numpy as np

    return 1.0 / (1.0 + np.exp(-np.clip(z, -CLIP, CLIP)))
