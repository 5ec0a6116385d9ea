# conlab's bootstrap: the first Python code of an observed run. conlab starts the interpreter as
#   python3 -c <this file> SCRIPT [ARGS...]
# with the read end of a start gate on fd 3 and the write end of a thread names pipe on fd 4. The script must not
# run before conlab's observer is attached (threads started earlier would be missed), so this waits for conlab's
# byte on fd 3, names native threads after their Python names (so that /proc shows "Thread-1 (wor", not "python3")
# and reports each full name on fd 4 (the kernel keeps 15 bytes of a name; conlab's lanes show all of it), then
# runs the script unmodified as __main__, with sys.argv and sys.path[0] as `python3 SCRIPT ARGS...` would set them.
import os
import sys


def _conlab_die_with_conlab():
    # If conlab itself is killed, the script goes too rather than running on unobserved.
    try:
        import ctypes
        import signal

        PR_SET_PDEATHSIG = 1
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
    except (ImportError, OSError, AttributeError):
        pass
    if os.getppid() == 1:  # conlab was gone before this could be asked
        os._exit(1)


def _conlab_wait_for_observer():
    while True:
        try:
            go = os.read(3, 1)
            break
        except InterruptedError:
            continue
    os.close(3)
    if not go:  # conlab went away (or stopped the run) before the script started
        os._exit(1)


def _conlab_name_native_threads():
    try:
        import ctypes
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (ImportError, OSError, AttributeError):
        return
    PR_SET_NAME = 15
    import threading

    names_fd = 4
    try:
        # Never block the script on a full pipe: a name conlab has no room for is drawn from /proc instead.
        os.set_blocking(names_fd, False)
    except OSError:
        names_fd = None

    def name_this_thread(name):
        # The kernel keeps 15 bytes and a terminating zero.
        prctl(PR_SET_NAME, ctypes.c_char_p(name.encode("utf-8", "replace")[:15]), 0, 0, 0)
        if names_fd is not None:
            # One write of a line well under PIPE_BUF: lines from many threads and processes never interleave.
            line = "%d %s\n" % (threading.get_native_id(), " ".join(name.split())[:200])
            try:
                os.write(names_fd, line.encode("utf-8", "replace"))
            except OSError:
                pass

    run_thread = threading.Thread._bootstrap_inner

    def _bootstrap_inner(self):
        name_this_thread(self.name)
        run_thread(self)

    threading.Thread._bootstrap_inner = _bootstrap_inner
    name_this_thread(threading.current_thread().name)

    # A multiprocessing worker's main thread takes the worker's name ("ForkProcess-1", "SpawnPoolWorker-2").
    try:
        from multiprocessing import process
    except ImportError:
        return
    run_process = process.BaseProcess._bootstrap

    def _bootstrap(self, *args, **kwargs):
        name_this_thread(self.name)
        return run_process(self, *args, **kwargs)

    process.BaseProcess._bootstrap = _bootstrap


def _conlab_run_script():
    script = sys.argv[1]
    sys.argv = sys.argv[1:]
    sys.path[0] = os.path.dirname(os.path.abspath(script))
    import runpy

    try:
        runpy.run_path(script, run_name="__main__")
    except SystemExit:
        raise
    except BaseException as error:
        # Print the traceback as `python3 SCRIPT` would: from the script's first frame, without runpy's.
        frames = error.__traceback__
        while frames is not None and frames.tb_frame.f_code.co_filename != script:
            frames = frames.tb_next
        # The default hook prints the exception's own __traceback__, whatever it is passed.
        error.__traceback__ = frames
        sys.excepthook(type(error), error, frames)
        sys.exit(1)


_conlab_die_with_conlab()
_conlab_wait_for_observer()
_conlab_name_native_threads()
_conlab_run_script()
