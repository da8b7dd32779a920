"""Hostile input files (issue 13, items 2 and 4): the guarded reader and the bounded YAML reader.

Each reproducer builds a copy of the seed data with one hostile file in it and checks: exit 2,
one line naming the file and the fix, no traceback, nothing published, and (for the links out of
the data folder) not one byte of the linked file in any output.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from migkg.cards.yamlfile import read_yaml_text
from migkg.errors import InputError
from migkg.inputs import LIMITS, read_input

RELEASE = "2013-06-05-unhcr-iom-almaty-ministerial"
SECRET = "MIGKG_TEST_SECRET=do-not-publish-4242"


@pytest.fixture
def data(tmp_path: Path, repo_root: Path) -> Path:
    return shutil.copytree(repo_root / "data", tmp_path / "data")


def release(data: Path) -> Path:
    return data / "releases" / RELEASE


def build_fails(invoke_migkg, data: Path, out: Path, *names: str) -> str:
    done = invoke_migkg("build", "--data", data, "--out", out)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert all(name in done.stderr for name in names), done.stderr
    assert "Fix:" in done.stderr
    assert not out.exists()
    return done.stderr


def test_a_source_linked_out_of_the_data_folder_is_refused_and_not_published(data, tmp_path, invoke_migkg):
    outside = tmp_path / "secret.txt"
    seed_text = (release(data) / "source.txt").read_text(encoding="utf-8")
    outside.write_text(seed_text + "\n" + SECRET + "\n", encoding="utf-8")  # the card's quotes are all found in it
    (release(data) / "source.txt").unlink()
    (release(data) / "source.txt").symlink_to(outside)
    stderr = build_fails(invoke_migkg, data, tmp_path / "out", "source.txt", "outside")
    assert SECRET not in stderr


def test_a_source_linked_to_the_environment_of_the_process_is_refused(data, tmp_path, invoke_migkg):
    (release(data) / "source.txt").unlink()
    (release(data) / "source.txt").symlink_to("/proc/self/environ")
    build_fails(invoke_migkg, data, tmp_path / "out", "source.txt", "outside")


def test_a_release_folder_linked_out_of_the_data_folder_is_refused(data, tmp_path, invoke_migkg):
    elsewhere = shutil.move(str(release(data)), str(tmp_path / "elsewhere"))
    release(data).symlink_to(elsewhere, target_is_directory=True)
    build_fails(invoke_migkg, data, tmp_path / "out", RELEASE, "outside")


def test_a_release_folder_that_is_a_symlink_loop_is_refused(data, tmp_path, invoke_migkg):
    loop = data / "releases" / "2099-01-01-loop"
    loop.symlink_to(loop, target_is_directory=True)
    build_fails(invoke_migkg, data, tmp_path / "out", "2099-01-01-loop", "loop")


def test_a_link_to_a_file_inside_the_release_folder_is_read(data, tmp_path, invoke_migkg):
    source = release(data) / "source.txt"
    source.rename(release(data) / "original.txt")
    source.symlink_to("original.txt")
    done = invoke_migkg("build", "--data", data, "--out", tmp_path / "out")
    assert done.returncode == 0, done.stderr


def test_a_fifo_as_source_is_refused_at_once_not_waited_on(data, tmp_path, invoke_migkg):
    source = release(data) / "source.txt"
    source.unlink()
    os.mkfifo(source)
    build_fails(invoke_migkg, data, tmp_path / "out", "source.txt", "named pipe")  # invoke_migkg times out at 120 s


def test_a_folder_as_source_is_refused(data, tmp_path, invoke_migkg):
    source = release(data) / "source.txt"
    source.unlink()
    source.mkdir()
    build_fails(invoke_migkg, data, tmp_path / "out", "source.txt", "a folder")


def test_a_device_is_refused_by_the_reader():
    with pytest.raises(InputError, match="a device"):
        read_input("/dev/zero", "source")


def test_a_file_over_its_limit_is_refused_on_the_bytes_read(tmp_path):
    big = tmp_path / "source.txt"
    big.write_bytes(b"a" * (LIMITS["source"] + 1))
    with pytest.raises(InputError, match="larger than 1,000,000 bytes"):
        read_input(big, "source")
    big.write_bytes(b"a" * LIMITS["source"])
    assert len(read_input(big, "source")) == LIMITS["source"]


def test_a_registry_file_linked_out_of_the_registry_is_refused(data, tmp_path, invoke_migkg):
    target = tmp_path / "states.yaml"
    registry_file = sorted((data / "registry").glob("*.yaml"))[0]
    shutil.copy(registry_file, target)
    registry_file.unlink()
    registry_file.symlink_to(target)
    build_fails(invoke_migkg, data, tmp_path / "out", registry_file.name, "outside")


# --------------------------------------------------------------------------- YAML with bounds

def laughs(levels: int) -> str:
    lines = ['l0: &l0 ["ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha"]']
    lines += [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 10)}]" for i in range(1, levels)]
    return "\n".join(lines) + "\n"


def test_nested_aliases_are_refused_before_they_expand(tmp_path):
    with pytest.raises(InputError, match=r"aliases .* expand its"):
        read_yaml_text(laughs(9), tmp_path / "card.yaml")


def test_a_few_aliases_still_read():
    document = read_yaml_text("a: &x [1, 2]\nb: *x\nc: *x\n", Path("card.yaml"))
    assert document.data == {"a": [1, 2], "b": [1, 2], "c": [1, 2]}


@pytest.mark.parametrize("text", ["release: " + "[" * 400 + "]" * 400 + "\n",
                                  "".join("  " * i + f"k{i}:\n" for i in range(400)) + "  " * 400 + "v\n",
                                  "a: &a [*a]\n"])
def test_deep_or_recursive_yaml_is_refused_with_its_line(text):
    with pytest.raises(InputError) as raised:
        read_yaml_text(text, Path("card.yaml"))
    assert "card.yaml:" in str(raised.value) and "Fix:" in str(raised.value)


def test_a_billion_laughs_card_stops_the_build_at_once(data, tmp_path, invoke_migkg):
    card = release(data) / "card.yaml"
    card.write_text(card.read_text(encoding="utf-8") + "\n" + laughs(8).replace("l", "x_l"), encoding="utf-8")
    build_fails(invoke_migkg, data, tmp_path / "out", "card.yaml", "aliases")
