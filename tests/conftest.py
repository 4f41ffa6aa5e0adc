import os
from pathlib import Path

import pytest

HERE = Path(__file__).parent
STORIES = HERE / "stories"
SHARED = HERE.parent.parent / "shared"


@pytest.fixture(scope="session")
def stories() -> Path:
    return STORIES


def shared_path(*parts: str) -> Path:
    """A path under ../shared (evaluation data, never committed); tests using it skip when absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not here")
    return path


FIXTURES = HERE / "fixtures"


def zip_epub(folder: Path, dest: Path) -> Path:
    """An EPUB made from a folder of its files, ``mimetype`` first and stored, as the format asks."""
    import zipfile

    with zipfile.ZipFile(dest, "w") as z:
        z.write(folder / "mimetype", "mimetype", compress_type=zipfile.ZIP_STORED)
        for f in sorted(folder.rglob("*")):
            if f.is_file() and f.name != "mimetype":
                z.write(f, f.relative_to(folder).as_posix(), compress_type=zipfile.ZIP_DEFLATED)
    return dest


# Hypothesis: 2,000 examples per property, the same ones on every run (a failure found once is
# found again, and CI never turns red on a fresh random draw). HYPOTHESIS_PROFILE=dev runs 100.
from hypothesis import HealthCheck, settings  # noqa: E402

settings.register_profile("full", max_examples=2000, derandomize=True, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("dev", max_examples=100, derandomize=True, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "full"))
