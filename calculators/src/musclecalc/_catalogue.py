"""Lower-body and glute exercises, and the muscles each one trains.

This table is the one place the site decides which muscles an exercise trains and how much
each set counts: the volume calculator adds up weeks from it, and the guide pages render their
sample weeks and weekly totals from the calculator at build time.

The rule, the same for every exercise:

* A *prime mover* drives one of the joint actions the exercise is built around, through its
  loaded range of motion. Each set counts as 1 set for it.
* A *helper* assists that action from another joint, or steadies a joint while others move
  it. Each set counts as 0.5 set for it.

This is the fractional counting of Pelland et al. (2024), who counted a set as 1 for a muscle
it trains directly and 0.5 for one it trains indirectly, and found that this way of counting
fitted 67 training studies better than counting indirect sets as 1 or as 0. Their paper does
not classify every exercise, so applying the rule below is our reading of each movement's
joint actions, written down once here:

* free squats (back, front, goblet), lunges, split squats and step-ups bend and straighten the
  knee (quads) and the hip (glutes) under the load: both are prime movers, the adductors help;
* machines that brace the back against a pad and are set up to load the knees (leg press,
  hack squat) count the quads as prime movers and the glutes as helpers; feet placed higher
  shift more work to the glutes, which a set count cannot see;
* hinges (deadlifts, Romanian deadlifts, good mornings, back extensions, swings,
  pull-throughs) straighten the hip from a deep bend with the hamstrings and glutes together:
  both are prime movers. The conventional deadlift also straightens the knee a little (quads
  help); the sumo deadlift's wide stance and upright back make the quads and adductors prime
  movers and the hamstrings helpers. The lower back works to hold the spine still, but it is
  not a leg or glute muscle, so it is not counted here;
* bridges, thrusts and kickbacks are hip extension with the knee bent or the leg moving
  behind the body, so the glutes do most of the work and the hamstrings help;
* leg curls and Nordic curls bend the knee (hamstrings; the calf's gastrocnemius helps a curl
  machine); the glute-ham raise adds a little hip extension (glutes help);
* hip abduction works gluteus medius and minimus, hip adduction the adductors;
* jumps copy the squat or lunge they come from, with the calves helping the take-off. Their
  sets count like any other, and the calculator adds a note that they build less muscle than
  heavier sets.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

__all__ = ["CORE_MUSCLES", "EXERCISES", "MUSCLES", "Exercise"]

#: Muscle ids and their names, in the order results list them.
MUSCLES: Final[dict[str, str]] = {
    "glutes": "Glutes",
    "quads": "Quads",
    "hamstrings": "Hamstrings",
    "adductors": "Adductors",
    "calves": "Calves",
}
#: Always listed in results, even at 0 sets, so gaps show.
CORE_MUSCLES: Final = tuple(MUSCLES)

PRIME_SET: Final = 1.0
HELPER_SET: Final = 0.5


@dataclass(frozen=True)
class Exercise:
    """An exercise and the muscles it trains.

    >>> hip_thrust = EXERCISES["hip_thrust"]
    >>> hip_thrust.share("glutes"), hip_thrust.share("hamstrings"), hip_thrust.share("quads")
    (1.0, 0.5, 0.0)
    """

    id: str
    name: str
    prime: tuple[str, ...]
    helpers: tuple[str, ...] = ()
    plyometric: bool = False

    def __post_init__(self) -> None:
        unknown = set(self.prime + self.helpers) - set(MUSCLES)
        if unknown or set(self.prime) & set(self.helpers) or not self.prime:
            raise ValueError(f"{self.id}: check its muscles")

    def share(self, muscle: str) -> float:
        """How much one set counts for this muscle: 1, 0.5 or 0."""
        if muscle in self.prime:
            return PRIME_SET
        if muscle in self.helpers:
            return HELPER_SET
        return 0.0

    @property
    def muscles(self) -> tuple[str, ...]:
        """Every muscle this exercise trains."""
        return self.prime + self.helpers


_SQUAT_HELPERS: Final = ("adductors",)
_ALL: Final = (
    # Squats and presses
    Exercise("squat", "Squat (back squat)", ("quads", "glutes"), _SQUAT_HELPERS),
    Exercise("front_squat", "Front squat", ("quads", "glutes"), _SQUAT_HELPERS),
    Exercise("goblet_squat", "Goblet squat", ("quads", "glutes"), _SQUAT_HELPERS),
    Exercise("hack_squat", "Hack squat (machine)", ("quads",), ("glutes", "adductors")),
    Exercise("leg_press", "Leg press", ("quads",), ("glutes", "adductors")),
    # Lunges and single-leg work
    Exercise("lunge", "Lunge (forward)", ("quads", "glutes"), _SQUAT_HELPERS),
    Exercise("walking_lunge", "Walking lunge", ("quads", "glutes"), _SQUAT_HELPERS),
    Exercise("reverse_lunge", "Reverse lunge", ("glutes", "quads"), _SQUAT_HELPERS),
    Exercise("bulgarian_split_squat", "Bulgarian split squat", ("quads", "glutes"), _SQUAT_HELPERS),
    Exercise("step_up", "Step-up", ("quads", "glutes"), _SQUAT_HELPERS),
    # Hinges
    Exercise(
        "deadlift",
        "Deadlift (conventional)",
        ("glutes", "hamstrings"),
        ("quads", "adductors"),
    ),
    Exercise(
        "romanian_deadlift",
        "Romanian deadlift",
        ("hamstrings", "glutes"),
        ("adductors",),
    ),
    Exercise(
        "sumo_deadlift",
        "Sumo deadlift",
        ("glutes", "quads", "adductors"),
        ("hamstrings",),
    ),
    Exercise(
        "single_leg_romanian_deadlift",
        "Single-leg Romanian deadlift",
        ("hamstrings", "glutes"),
        ("adductors",),
    ),
    Exercise("good_morning", "Good morning", ("hamstrings", "glutes"), ("adductors",)),
    Exercise("back_extension", "Back extension", ("glutes", "hamstrings")),
    Exercise("kettlebell_swing", "Kettlebell swing", ("glutes", "hamstrings")),
    Exercise("cable_pull_through", "Cable pull-through", ("glutes", "hamstrings")),
    # Bridges, thrusts and glute isolation
    Exercise("hip_thrust", "Hip thrust", ("glutes",), ("hamstrings", "adductors")),
    Exercise("glute_bridge", "Glute bridge", ("glutes",), ("hamstrings", "adductors")),
    Exercise(
        "single_leg_hip_thrust", "Single-leg hip thrust", ("glutes",), ("hamstrings", "adductors")
    ),
    Exercise("cable_kickback", "Cable kickback", ("glutes",), ("hamstrings",)),
    Exercise("hip_abduction", "Hip abduction (machine or band)", ("glutes",)),
    Exercise("hip_adduction", "Hip adduction (machine)", ("adductors",)),
    # Knee flexion and extension
    Exercise("leg_curl", "Leg curl (lying or seated)", ("hamstrings",), ("calves",)),
    Exercise("nordic_curl", "Nordic hamstring curl", ("hamstrings",)),
    Exercise("glute_ham_raise", "Glute-ham raise", ("hamstrings",), ("glutes", "calves")),
    Exercise("leg_extension", "Leg extension", ("quads",)),
    # Calves
    Exercise("calf_raise", "Calf raise (standing)", ("calves",)),
    Exercise("seated_calf_raise", "Calf raise (seated)", ("calves",)),
    # Jumps
    Exercise("box_jump", "Box jump", ("quads", "glutes"), ("calves",), plyometric=True),
    Exercise("jump_squat", "Jump squat", ("quads", "glutes"), ("calves", "adductors"), True),
    Exercise("jumping_lunge", "Jumping lunge", ("quads", "glutes"), ("calves", "adductors"), True),
)

#: Every exercise by id, in the order the form lists them.
EXERCISES: Final[dict[str, Exercise]] = {exercise.id: exercise for exercise in _ALL}
