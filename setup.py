"""Build settings that pyproject.toml cannot express: the optional compiled build.

With ``QUOTEX_COMPILE=1`` (see ``_build/quotex_build.py``) the modules of the rules engine's hot
path are compiled with mypyc into one extension; the ``.py`` sources ship beside it.  An editable
install is never compiled: the compiled modules would shadow edits to the sources.  (The engine's
working records are dataclasses, not attrs classes, for this: mypyc compiles dataclasses, and
attrs classes only as slower ordinary classes.  The modules' patterns and word sets are
``Final`` for it too: compiled code then holds them in C statics instead of looking each one up
in the module's dictionary at every use.)
"""

from __future__ import annotations

import sys
from pathlib import Path

from setuptools import Extension, setup

# the build backend says whether a compiled build was asked for (on the path already when pip
# builds; not for a `python setup.py build_ext --inplace`)
sys.path.insert(0, str(Path(__file__).resolve().parent / "_build"))
from quotex_build import compiling

#: The rules engine's modules, compiled together (calls between them then skip the interpreter).
COMPILED = ["rules", "attribution", "phrases", "segment", "cues", "marks", "pipeline", "lexicon"]


#: The commands that build code; the others (metadata, the build's requirements, an editable
#: install) run before mypyc is installed, or must not compile.
BUILDING = frozenset({"bdist_wheel", "build", "build_ext", "install"})


def ext_modules() -> list[Extension]:
    if not compiling() or not BUILDING & set(sys.argv[1:]):
        return []
    from mypyc.build import mypycify

    # only some modules are checked here, so some of pyproject.toml's mypy sections go unused
    return mypycify(["--no-warn-unused-configs", *(f"quotex/{name}.py" for name in COMPILED)],
                    opt_level="3", group_name="quotex.native")


setup(ext_modules=ext_modules())
