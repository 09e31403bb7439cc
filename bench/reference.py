#!/usr/bin/python3
"""PyTorch eager reference for `robustness bench`: the same zoo models and loops as the C# side.

Run with Debian's /usr/bin/python3 (python3-torch). Each loop is timed in the default (contiguous) memory format and in channels-last. Prints one JSON object on stdout:
{"torch": version, "threads": n, "batchSize": b, "models": {id: {"train": img/s, "inputGradient": img/s,
 "trainBest": img/s, "trainBestFormat": name, "inputGradientBest": img/s, "inputGradientBestFormat": name}}}
"""
import argparse
import json
import re
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class InputStage(nn.Module):
    def __init__(self, channels, size=None):
        super().__init__()
        self.size = size
        self.register_buffer("mean", torch.full((1, channels, 1, 1), 0.5), persistent=False)
        self.register_buffer("std", torch.full((1, channels, 1, 1), 0.25), persistent=False)

    def forward(self, x):
        if self.size is not None and x.shape[-1] != self.size:
            x = F.interpolate(x, size=(self.size, self.size), mode="bilinear", align_corners=False)
        return (x - self.mean) / self.std


def small_cnn(c, size, k):
    return nn.Sequential(InputStage(c), nn.Conv2d(c, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
                         nn.Linear(32 * (size // 4) ** 2, 64), nn.ReLU(), nn.Linear(64, k))


def surrogate_cnn(c, size, k):
    return nn.Sequential(InputStage(c), nn.Conv2d(c, 64, 3, padding=1), nn.ReLU(), nn.Conv2d(64, 64, 3, padding=1), nn.ReLU(),
                         nn.MaxPool2d(2), nn.Conv2d(64, 128, 3, padding=1), nn.ReLU(), nn.Conv2d(128, 128, 3, padding=1), nn.ReLU(),
                         nn.MaxPool2d(2), nn.Flatten(), nn.Linear(128 * (size // 4) ** 2, 256), nn.ReLU(),
                         nn.Linear(256, 256), nn.ReLU(), nn.Linear(256, k))


class PreActBlock(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.bn1 = nn.BatchNorm2d(cin)
        self.conv1 = nn.Conv2d(cin, cout, 3, stride=stride, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, padding=1, bias=False)
        self.shortcut = nn.Conv2d(cin, cout, 1, stride=stride, bias=False) if stride != 1 or cin != cout else None

    def forward(self, x):
        pre = F.relu(self.bn1(x))
        skip = x if self.shortcut is None else self.shortcut(pre)
        return self.conv2(F.relu(self.bn2(self.conv1(pre)))) + skip


def resnet_v2(c, depth, k):
    n = (depth - 2) // 6
    layers, channels = [InputStage(c), nn.Conv2d(c, 16, 3, padding=1, bias=False)], 16
    for stage, width in ((1, 16), (2, 32), (3, 64)):
        for u in range(n):
            layers.append(PreActBlock(channels, width, 2 if stage > 1 and u == 0 else 1))
            channels = width
    layers += [nn.BatchNorm2d(channels), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(channels, k)]
    return nn.Sequential(*layers)


def vgg_bn(c, size, k, divisor):
    layout = [64, 64, 0, 128, 128, 0, 256, 256, 256, 0, 512, 512, 512, 0, 512, 512, 512, 0]
    layers, channels, s = [InputStage(c, 32 if size != 32 else None)], c, 32
    for w in layout:
        if w == 0:
            layers.append(nn.MaxPool2d(2))
            s //= 2
            continue
        layers += [nn.Conv2d(channels, w // divisor, 3, padding=1, bias=False), nn.BatchNorm2d(w // divisor), nn.ReLU()]
        channels = w // divisor
    layers += [nn.Flatten(), nn.Linear(channels * s * s, k)]
    return nn.Sequential(*layers)


def build(model_id, c, size, k):
    return {
        "small-cnn": lambda: small_cnn(c, size, k),
        "surrogate-cnn": lambda: surrogate_cnn(c, size, k),
        "resnet20-v2": lambda: resnet_v2(c, 20, k),
        "resnet56-v2": lambda: resnet_v2(c, 56, k),
        "vgg16-bn": lambda: vgg_bn(c, size, k, 1),
        "vgg-slim-bn": lambda: vgg_bn(c, size, k, 4),
    }[model_id]()


def synchronise(device):
    """Waits for the device's queued kernels (CUDA runs them asynchronously); nothing to wait for on the CPU."""
    if device.type == "cuda":
        torch.cuda.synchronize(device)


def images_per_second(step, batch, warmup, iterations, rounds, device=torch.device("cpu")):
    """Best of `rounds` timed rounds of `iterations` steps, after `warmup` untimed steps (same rule as the C# side:
    the device is synchronised before the clock starts and before it is read)."""
    for _ in range(warmup):
        step()
    best = 0.0
    for _ in range(rounds):
        synchronise(device)
        start = time.perf_counter()
        for _ in range(iterations):
            step()
        synchronise(device)
        best = max(best, batch * iterations / (time.perf_counter() - start))
    return best


MEMORY_FORMATS = {"contiguous": torch.contiguous_format, "channels-last": torch.channels_last}


def measure(model_id, args):
    """Default (contiguous) memory format, plus PyTorch's faster format per loop: the best eager PyTorch does here."""
    runs = {name: measure_in(model_id, args, fmt) for name, fmt in MEMORY_FORMATS.items()}
    result = dict(runs["contiguous"])
    for loop in ("train", "inputGradient"):
        name = max(runs, key=lambda n: runs[n][loop])
        result[loop + "Best"], result[loop + "BestFormat"] = runs[name][loop], name
    return result


def measure_in(model_id, args, memory_format):
    torch.manual_seed(0)
    device = torch.device(args.device)
    model = build(model_id, args.channels, args.size, 10).to(device).to(memory_format=memory_format)
    x = torch.rand(args.batch_size, args.channels, args.size, args.size).to(device).contiguous(memory_format=memory_format)
    y = torch.randint(0, 10, (args.batch_size,)).to(device)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)

    def train_step():
        optimizer.zero_grad()
        F.cross_entropy(model(x), y).backward()
        optimizer.step()

    model.train()
    train = images_per_second(train_step, args.batch_size, args.warmup, args.iterations, args.rounds, device)

    model.eval()

    def input_gradient_step():
        xi = x.detach().requires_grad_(True)
        loss = F.cross_entropy(model(xi), y)
        torch.autograd.grad(loss, [xi])

    grad = images_per_second(input_gradient_step, args.batch_size, args.warmup, args.iterations, args.rounds, device)
    return {"train": train, "inputGradient": grad}


def blas():
    """BLAS_INFO of the build ("generic" on Debian: libblas.so.3, i.e. whatever update-alternatives selects)."""
    match = re.search(r"BLAS_INFO=([^,\s]+)", torch.__config__.show())
    return "BLAS_INFO=" + (match.group(1) if match else "unknown")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--models", default="small-cnn,surrogate-cnn,resnet20-v2,resnet56-v2,vgg-slim-bn,vgg16-bn")
    parser.add_argument("--batch-size", type=int, default=128)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--iterations", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--channels", type=int, default=3)
    parser.add_argument("--size", type=int, default=32)
    parser.add_argument("--device", default="cpu", help="cpu, cuda or cuda:N: run on the device the C# side measured")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    results = {m: measure(m, args) for m in args.models.split(",") if m}
    json.dump({"torch": torch.__version__, "threads": torch.get_num_threads(), "batchSize": args.batch_size,
               "device": args.device, "blas": blas(), "models": results}, sys.stdout)
    print()


if __name__ == "__main__":
    main()
