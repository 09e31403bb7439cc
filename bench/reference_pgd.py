#!/usr/bin/python3
"""PyTorch eager reference of the PGD-10 benchmark (`robustness bench --only pgd`).

The same loop as the C# PgdBenchmark: L-inf PGD, random start in the eps-ball, 10 steps of
x <- clip(proj(x + alpha * sign(grad_x CE))), gradient w.r.t. the input only, eval mode, then one no-grad
forward for the success flags. Models come from bench/reference.py (the zoo mirror). Both memory formats are
timed: "pgd" is the default (contiguous) format, "pgdBest" the faster of the two. Prints one JSON line:
{"torch": version, "threads": n, "batchSize": b, "model": id, "pgd": img/s, "pgdBest": img/s, "pgdBestFormat": name}
"""
import argparse
import json
import os
import sys

import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from reference import MEMORY_FORMATS, build, images_per_second  # noqa: E402  (zoo mirror and timing rule of the core bench)


def pgd(model, x0, y, eps, alpha, steps, generator):
    # The random start is drawn on the CPU generator and copied over, as the C# attack does.
    x = (x0 + (torch.rand(x0.shape, generator=generator).to(x0.device) * 2 - 1) * eps).clamp(0, 1)
    for _ in range(steps):
        xi = x.detach().requires_grad_(True)
        loss = F.cross_entropy(model(xi), y, reduction="sum")
        (g,) = torch.autograd.grad(loss, [xi])
        x = torch.min(torch.max(x + alpha * g.sign(), x0 - eps), x0 + eps).clamp(0, 1)
    with torch.no_grad():
        return x, model(x).argmax(1) != y


def measure(args, memory_format):
    torch.manual_seed(0)
    device = torch.device(args.device)
    model = build(args.model, 3, 32, 10).eval().to(device).to(memory_format=memory_format)
    for p in model.parameters():
        p.requires_grad_(True)
    generator = torch.Generator().manual_seed(0)
    x0 = torch.rand(args.batch_size, 3, 32, 32, generator=generator).to(device).contiguous(memory_format=memory_format)
    y = torch.randint(0, 10, (args.batch_size,), generator=generator).to(device)
    return images_per_second(lambda: pgd(model, x0, y, args.eps, args.alpha, args.steps, generator),
                             args.batch_size, args.warmup, args.iterations, args.rounds, device)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default="surrogate-cnn")
    parser.add_argument("--batch-size", type=int, default=128)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument("--iterations", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--steps", type=int, default=10)
    parser.add_argument("--eps", type=float, default=0.05)
    parser.add_argument("--alpha", type=float, default=0.005)
    parser.add_argument("--device", default="cpu", help="cpu, cuda or cuda:N: run on the device the C# side measured")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    rates = {name: measure(args, fmt) for name, fmt in MEMORY_FORMATS.items()}
    best = max(rates, key=rates.get)
    json.dump({"torch": torch.__version__, "threads": torch.get_num_threads(), "batchSize": args.batch_size,
               "model": args.model, "pgd": rates["contiguous"], "pgdBest": rates[best], "pgdBestFormat": best}, sys.stdout)
    print()


if __name__ == "__main__":
    main()
