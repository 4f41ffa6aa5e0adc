from pathlib import Path

import pytest

HERE = Path(__file__).parent
STORIES = HERE / "stories"
SHARED = HERE.parent.parent / "shared"


@pytest.fixture
def stories() -> Path:
    return STORIES


def shared_path(*parts: str) -> Path:
    """A path under ../shared (evaluation data, never committed); tests using it skip when absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not here")
    return path
