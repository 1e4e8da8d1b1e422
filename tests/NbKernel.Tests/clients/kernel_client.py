"""Drives the rnn-csharp Jupyter kernel through jupyter_client, an independent client, one scenario per run.

usage: /usr/bin/python3 kernel_client.py SCENARIO RESULT.json [ARG]
Starts the kernel from the kernelspec Jupyter finds (the tests point JUPYTER_DATA_DIR at a temporary folder),
runs the scenario, shuts the kernel down and writes what it saw as JSON to RESULT.json ("-" for stdout). The
C# tests in this project assert on that JSON; `measure` prints the timing figures quoted in the README.
"""
import json
import os
import queue
import signal
import statistics
import sys
import time
import uuid

from jupyter_client.manager import KernelManager
from jupyter_client.session import Session

KERNEL = "rnn-csharp"
TIMEOUT = 120


def start(log=None):
    manager = KernelManager(kernel_name=KERNEL)
    manager.start_kernel(stderr=log)
    client = manager.client()
    client.start_channels()
    client.wait_for_ready(timeout=TIMEOUT)
    return manager, client


def stop(manager, client):
    client.stop_channels()
    manager.shutdown_kernel(now=False)


def iopub_until_idle(client, msg_id):
    """The iopub messages answering msg_id, up to and including its idle status."""
    messages = []
    while True:
        message = client.get_iopub_msg(timeout=TIMEOUT)
        if message["parent_header"].get("msg_id") != msg_id:
            continue
        messages.append({"type": message["msg_type"], "content": message["content"]})
        if message["msg_type"] == "status" and message["content"]["execution_state"] == "idle":
            return messages


def shell_reply(client, msg_id, timeout=TIMEOUT):
    while True:
        message = client.get_shell_msg(timeout=timeout)
        if message["parent_header"].get("msg_id") == msg_id:
            return {"type": message["msg_type"], "content": message["content"]}


def execute(client, code, **options):
    msg_id = client.execute(code, **options)
    messages = iopub_until_idle(client, msg_id)
    return {"reply": shell_reply(client, msg_id)["content"], "messages": messages}


def info(manager, client, _):
    client.kernel_info()
    message = client.get_shell_msg(timeout=TIMEOUT)
    time.sleep(client.hb_channel.time_to_dead * 2)
    return {"reply": message["content"], "version": message["header"]["version"], "spec": manager.kernel_spec.to_dict(),
            "beating": client.hb_channel.is_beating()}


def outputs(manager, client, _):
    return execute(client, 'Console.WriteLine("hello from C#");\ndisplay(HTML("<b>shown</b>"));\n6 * 7')


def errors(manager, client, _):
    return {
        "thrown": execute(client, 'throw new InvalidOperationException("boom");'),
        "compile": execute(client, 'int n = "text";'),
    }


def editor(manager, client, recurrent_dll):
    setup = execute(client, f'#r "{recurrent_dll}"\nusing Recurrent;\nvar t = Torch.Randn(2, 3);')

    def complete(code, cursor=None):
        msg_id = client.complete(code, len(code) if cursor is None else cursor)
        return shell_reply(client, msg_id)["content"]

    return {
        "setup": setup["reply"],
        "type": complete("Torch."),
        "prefix": complete("Torch.Man"),
        "local": complete("t."),
        "middle": complete("var n = t.Nu + 1;", len("var n = t.Nu")),
        "inspect": shell_reply(client, client.inspect("Torch.ManualSeed(0);", 10))["content"],
    }


def rich(manager, client, lib_folder):
    """Full MIME bundles, live display updates, magics, completion types and hover documentation."""
    setup = execute(client, f'#r "{lib_folder}/Recurrent/bin/Release/net8.0/Recurrent.dll"\n'
                            f'#r "{lib_folder}/Recurrent.Interactive/bin/Release/net8.0/Recurrent.Interactive.dll"\n'
                            'using Recurrent;\nusing Recurrent.Interactive;\nTensorFormatting.Register();\n'
                            'Torch.ManualSeed(0);\nvar t = Torch.Arange(1, 4);')
    code = "var rnn = new Rnn(inputSize: 1, hiddenSize: 2);\nvar (output, hN) = rnn.Forward(t.View(3, 1));"

    def inspect(cursor):
        return shell_reply(client, client.inspect(code, cursor))["content"]

    return {
        "setup": setup["reply"],
        "tensor": execute(client, "t"),
        "number": execute(client, "6 * 7"),
        "updates": execute(client, 'var shown = display("step 0");\nfor (var step = 1; step <= 3; step++) { shown.Update($"step {step}"); }'),
        "whos": execute(client, "#!whos"),
        "time": execute(client, "#!time\n1 + 1"),
        "unknown": execute(client, "#!nope"),
        "complete": shell_reply(client, client.complete("Torch.Man", len("Torch.Man")))["content"],
        "inspect_rnn": inspect(code.index("Rnn(") + 1),
        "inspect_forward": inspect(code.index("Forward") + 2),
        "inspect_seed": shell_reply(client, client.inspect("Torch.ManualSeed(0);", 10))["content"],
    }


def stop_on_error(manager, client, _):
    failing = client.execute('System.Threading.Thread.Sleep(300);\nthrow new InvalidOperationException("first");')
    queued = client.execute("var ranAfterTheError = 1;")
    return {"failing": shell_reply(client, failing)["content"], "queued": shell_reply(client, queued)["content"],
            "after": execute(client, "ranAfterTheError")["reply"]}


def interrupt(manager, client, _):
    before = execute(client, "var kept = 5;")
    msg_id = client.execute("while (true) { }")
    while True:
        message = client.get_iopub_msg(timeout=TIMEOUT)
        if message["parent_header"].get("msg_id") == msg_id and message["msg_type"] == "execute_input":
            break
    time.sleep(0.5)
    started = time.monotonic()
    manager.interrupt_kernel()
    reply = shell_reply(client, msg_id)
    seconds = time.monotonic() - started
    return {"before": before["reply"], "reply": reply["content"], "seconds": seconds,
            "messages": iopub_until_idle(client, msg_id), "after": execute(client, "kept")}


def stdin(manager, client, _):
    """A cell reading Console.In: answered through the stdin channel, refused without allow_stdin, interrupted."""
    msg_id = client.execute('var name = Console.ReadLine(); Console.WriteLine($"hello {name}");', allow_stdin=True)
    request = client.get_stdin_msg(timeout=TIMEOUT)
    client.input("Ada")
    allowed = {"request": {"type": request["msg_type"], "content": request["content"],
                           "parent_id": request["parent_header"].get("msg_id"), "execute_id": msg_id},
               "messages": iopub_until_idle(client, msg_id), "reply": shell_reply(client, msg_id)["content"]}
    waiting = client.execute("Console.ReadLine()", allow_stdin=True)
    client.get_stdin_msg(timeout=TIMEOUT)
    started = time.monotonic()
    manager.interrupt_kernel()
    interrupted = {"reply": shell_reply(client, waiting)["content"], "seconds": time.monotonic() - started}
    return {"allowed": allowed, "interrupted": interrupted,
            "denied": execute(client, "Console.ReadLine()", allow_stdin=False)["reply"],
            "after": execute(client, "name")["reply"]}


def silent(manager, client, _):
    """silent runs without broadcasting or counting; store_history=False runs visibly without counting."""
    first = execute(client, "var x = 1;")
    quiet = execute(client, "x = 2; 1 + 1", silent=True)
    unstored = execute(client, "x + 1", store_history=False)
    return {"first": first["reply"], "quiet": quiet, "unstored": unstored, "after": execute(client, "x")}


def is_complete(manager, client, _):
    codes = {"open": "for (var i = 0; i < 3; i++)\n{", "call": "Console.WriteLine(", "done": "var x = 1;"}
    return {name: shell_reply(client, client.is_complete(code))["content"] for name, code in codes.items()}


def restart(manager, client, _):
    execute(client, "var before = 1;")
    old = manager.provisioner.process
    manager.restart_kernel(now=False)
    client.wait_for_ready(timeout=TIMEOUT)
    return {"old_pid": old.pid, "old_returncode": old.poll(), "new_pid": manager.provisioner.process.pid,
            "forgotten": execute(client, "before")["reply"], "fresh": execute(client, "1 + 1")}


def shutdown(manager, client, _):
    process = manager.provisioner.process
    execute(client, "var x = 1;")
    client.stop_channels()
    started = time.monotonic()
    manager.shutdown_kernel(now=False)
    return {"pid": process.pid, "returncode": process.poll(), "seconds": time.monotonic() - started,
            "alive": manager.is_alive()}


def bad_signature(manager, client, marker):
    forger = Session(key=b"not-the-connection-key", username="forger")
    request = forger.msg("execute_request", content={
        "code": f'System.IO.File.WriteAllText(@"{marker}", "ran");', "silent": False, "store_history": True,
        "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
    forger.send(client.shell_channel.socket, request)
    try:
        answer = shell_reply(client, request["header"]["msg_id"], timeout=3)
    except queue.Empty:
        answer = None
    seen = []
    while True:
        try:
            message = client.get_iopub_msg(timeout=0.5)
        except queue.Empty:
            break
        if message["parent_header"].get("msg_id") == request["header"]["msg_id"]:
            seen.append(message["msg_type"])
    return {"answer": answer, "iopub": seen, "ran": os.path.exists(marker), "after": execute(client, "1 + 1")["reply"]}


def malformed(manager, client, _):
    session = client.session
    socket = client.shell_channel.socket

    def signed(header, content_bytes):
        parts = [json.dumps(header).encode(), b"{}", b"{}", content_bytes]
        return [b"<IDS|MSG>", session.sign(parts)] + parts

    def request(msg_type):
        return {"msg_id": str(uuid.uuid4()), "msg_type": msg_type, "username": "test", "session": session.session,
                "date": "2026-01-01T00:00:00.000000Z", "version": "5.3"}

    socket.send_multipart([b"no delimiter", b"garbage"])
    socket.send_multipart([b"<IDS|MSG>", b"too few frames"])
    bad_json = request("execute_request")
    socket.send_multipart(signed(bad_json, b"{not json"))
    replies = {"bad_json": shell_reply(client, bad_json["msg_id"])}
    wrong_type = request("execute_request")
    socket.send_multipart(signed(wrong_type, b'{"code": 5}'))
    replies["wrong_type"] = shell_reply(client, wrong_type["msg_id"])
    unknown = session.msg("frobnicate_request", content={})
    session.send(socket, unknown)
    replies["unknown"] = shell_reply(client, unknown["header"]["msg_id"])
    replies["after"] = execute(client, "1 + 1")["reply"]
    replies["alive"] = manager.is_alive()
    return replies


def measure(runs=5, round_trips=20):
    """Kernel start to first result (cold process each run) and a small cell's round trip, medians in seconds."""
    starts, trips = [], []
    for _ in range(runs):
        began = time.monotonic()
        manager, client = start()
        execute(client, "1 + 1")
        starts.append(time.monotonic() - began)
        for _ in range(round_trips):
            began = time.monotonic()
            execute(client, "1 + 1")
            trips.append(time.monotonic() - began)
        stop(manager, client)
    return {"start_to_first_result_s": {"median": statistics.median(starts), "min": min(starts), "max": max(starts)},
            "round_trip_ms": {"median": 1000 * statistics.median(trips), "min": 1000 * min(trips), "max": 1000 * max(trips)},
            "runs": runs, "round_trips_per_run": round_trips}


def abandon(manager, client, result_path):
    """Dies without shutting the kernel down, as a crashed client does; the kernel has to notice and exit."""
    with open(result_path, "w") as out:
        json.dump({"kernel_pid": manager.provisioner.process.pid}, out)
    os.kill(os.getpid(), signal.SIGKILL)


SCENARIOS = {f.__name__: f for f in [info, outputs, errors, editor, rich, stop_on_error, interrupt, stdin, silent, is_complete,
                                     restart, shutdown, bad_signature, malformed, abandon]}


def main(scenario, result_path, argument=None):
    if scenario == "measure":
        result = measure()
    elif scenario in SCENARIOS:
        log_path = result_path + ".kernel.log"
        with open(log_path, "w") as log:
            manager, client = start(log)
            try:
                result = SCENARIOS[scenario](manager, client, argument)
            finally:
                if manager.has_kernel:
                    stop(manager, client)
        with open(log_path) as log:
            result["kernel_log"] = log.read()
    else:
        sys.exit(f"expected a scenario ({', '.join([*SCENARIOS, 'measure'])}), got {scenario!r}")
    text = json.dumps(result, indent=1)
    if result_path == "-":
        print(text)
    else:
        with open(result_path, "w") as out:
            out.write(text)


if __name__ == "__main__":
    main(*sys.argv[1:])
