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
