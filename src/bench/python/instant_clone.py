#!/usr/bin/python3
"""Instant Clone with pyVmomi, the way a typical pyVmomi script does it, timed per child.

For each child: InstantClone_Task, pyVim's WaitForTask, then the child's guest.ipAddress read once a second until
it differs from the parent's. The clock runs from the call to the IP. Before and after each child the script reads
the simulator's SOAP request counters from its control endpoint, so the counts are what reached the simulator over
HTTP. The children are destroyed at the end, outside the measured part.

Prints one JSON object on stdout. The password is read from the environment (VMFORK_BENCH_PASSWORD), never from the
command line, where other users of the machine could read it.
"""
import argparse
import json
import os
import ssl
import sys
import time
import urllib.parse
import urllib.request

from pyVim.connect import SmartConnect, Disconnect
from pyVim.task import WaitForTask
from pyVmomi import vim


def stats(control):
    with urllib.request.urlopen(control + "/stats", timeout=30) as answer:
        return json.load(answer)


def delta(before, after):
    counts = {}
    for method, n in after["requests"].items():
        diff = n - before["requests"].get(method, 0)
        if diff:
            counts[method] = diff
    return counts


def find_vm(content, name):
    view = content.viewManager.CreateContainerView(content.rootFolder, [vim.VirtualMachine], True)
    try:
        for vm in view.view:
            if vm.name == name:
                return vm
    finally:
        view.Destroy()
    sys.exit("no VM named %s" % name)


def clone_until_ip(parent, parent_ip, name, ip_timeout):
    spec = vim.vm.InstantCloneSpec(name=name, location=vim.vm.RelocateSpec())
    task = parent.InstantClone_Task(spec=spec)
    WaitForTask(task)
    child = task.info.result
    deadline = time.monotonic() + ip_timeout
    while True:
        ip = child.guest.ipAddress
        if ip and ip != parent_ip:
            return child, ip
        if time.monotonic() > deadline:
            raise TimeoutError("no IP for %s within %d s" % (name, ip_timeout))
        time.sleep(1)


def finish(task):
    # Not WaitForTask: the simulator names its own running power and destroy tasks by their wire method
    # (PowerOffVM_Task), which pyVmomi 6.7 resolves to an object WaitForTask cannot read. Cleanup is not measured.
    while task.info.state not in (vim.TaskInfo.State.success, vim.TaskInfo.State.error):
        time.sleep(0.1)


def destroy(vm):
    if vm.runtime.powerState == vim.VirtualMachinePowerState.poweredOn:
        finish(vm.PowerOffVM_Task())
    finish(vm.Destroy_Task())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True, help="SDK URL, e.g. https://127.0.0.1:8989/sdk")
    parser.add_argument("--user", required=True)
    parser.add_argument("--parent", required=True)
    parser.add_argument("--control", required=True, help="the simulator's control endpoint")
    parser.add_argument("--count", type=int, default=5)
    parser.add_argument("--prefix", default="pyvmomi-bench")
    parser.add_argument("--ip-timeout", type=int, default=120)
    args = parser.parse_args()

    url = urllib.parse.urlparse(args.url)
    password = os.environ.get("VMFORK_BENCH_PASSWORD", "")
    # The simulator's certificate is self-signed; pyVmomi 6.7 verifies by default, so it gets an unverified context.
    context = ssl._create_unverified_context()
    logins_before = stats(args.control)["logins"]
    si = SmartConnect(host=url.hostname, port=url.port or 443, user=args.user, pwd=password, sslContext=context)
    children = []
    made = []
    try:
        parent = find_vm(si.RetrieveContent(), args.parent)
        parent_ip = parent.guest.ipAddress
        for i in range(args.count):
            before = stats(args.control)
            start = time.monotonic()
            child, ip = clone_until_ip(parent, parent_ip, "%s-%d" % (args.prefix, i), args.ip_timeout)
            millis = (time.monotonic() - start) * 1000
            after = stats(args.control)
            made.append(child)
            children.append({"ms": millis, "ip": ip, "soap": delta(before, after)})
        for child in made:
            destroy(child)
    finally:
        Disconnect(si)
    logins = stats(args.control)["logins"] - logins_before
    print(json.dumps({"children": children, "logins": logins}))


if __name__ == "__main__":
    main()
