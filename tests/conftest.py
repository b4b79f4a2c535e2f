import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # `import core` from any working directory

# No test touches the network: "auto" MNIST uses the bundled sample (the e2e server inherits this too).
os.environ["TORCH_PLAYGROUND_OFFLINE"] = "1"
# Runs play at full speed in tests (the app's default, Watch, spreads a run over seconds of redraws).
os.environ["TORCH_PLAYGROUND_SPEED"] = "fast"
