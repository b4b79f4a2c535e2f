"""Korean: the Gradient descent page."""
STRINGS = {
    # 경사 하강법
    "descent.title": "경사 하강법",
    "descent.intro": "학습은 손실이라는 언덕을 걸어 내려가는 일입니다. 발밑의 비탈이 기울기이고, 걸음은 그 반대 "
                     "방향으로 갑니다: **W := W − lr · grad**.",
    "descent.data.heights": "키 → 몸무게, 중심화",
    "descent.cost": "비용",
    "descent.one_step": "1. 한 번에 한 걸음",
    "descent.one_step_intro": "b를 0으로 묶어 두면 비용 **mean((W x − y)²)** 은 W에 대한 포물선입니다. **한 걸음**을 "
                              "누르면 지금의 학습률로 한 번 갱신하고, 그 안의 숫자를 모두 보여 줍니다.",
    "descent.start_w": "시작 W",
    "descent.start_b": "시작 b",
    "descent.reset": "처음으로",
    "descent.step": "한 걸음",
    "descent.parabola_title": "cost(W), b = 0: {n} 걸음",
    "descent.parabola_title_one": "cost(W), b = 0: 1 걸음",
    "descent.step_from": "**{n}번째 걸음**, W = {w}에서 출발 (여기서 가장 좋은 W: {best})",
    "descent.grad_hand": "손으로 구한 기울기",
    "descent.grad_autograd": "autograd가 구한 기울기: `cost.backward(); W.grad`",
    "descent.regimes": "2. 너무 작게, 알맞게, 너무 크게",
    "descent.regimes_intro": "걸음마다 가장 좋은 W까지의 거리에 r = 1 − lr · 2·mean(x²)이 곱해집니다. "
                             "이 데이터에서 학습률 {lr}이면 r = {r}: **{regime}**.",
    "descent.regime.slow": "느림",
    "descent.regime.converging": "수렴",
    "descent.regime.oscillating": "진동하며 수렴",
    "descent.regime.diverging": "발산",
    "descent.surface": "3. 비용 곡면 cost(W, b)를 내려가기",
    "descent.surface_intro": "이제 W와 b를 함께 학습합니다. 음영은 비용(어두울수록 낮음), 마름모는 최소제곱 해, "
                             "선은 {sidebar}의 옵티마이저가 지나간 길입니다.",
    "descent.sgd_momentum": "SGD, 모멘텀 {m}",
    "descent.after": "{n} 걸음 뒤 W = **{w}**, b = **{b}** (최소제곱: W = {best_w}, b = {best_b})",
    "descent.compare_title": "같은 출발점에서 SGD, 모멘텀, Adam",
    "descent.compare_where": "세 번의 학습이 내 학습 기록에 더해집니다: 위의 곡면에 각자의 색으로 경로가 그려지고, 손실은 한 차트에 함께 그려집니다.",
    "descent.compare": "비교하기 (lr {lr}, {epochs} 에포크, 모멘텀 {m})",
    "descent.sgd_plus": "SGD + 모멘텀 {m}",
    "descent.training_three": "옵티마이저 세 개를 학습하는 중…",
    "descent.three": "옵티마이저 셋, 출발점 하나",
    "descent.label_diverged": "{label}이(가) 에포크 {epoch}에서 발산했습니다. 더 작은 학습률을 써 보세요.",
    "descent.changed": "이 비교 뒤로 데이터나 출발점이 바뀌었습니다. 버튼을 다시 누르세요.",
    "descent.no_walk": "W가 더 이상 유한한 숫자가 아닙니다(걸음마다 더 멀리 넘어갔습니다). 처음으로를 누르거나 학습률을 낮추세요.",
    "descent.all_diverged": "모든 실행이 첫 에포크에서 발산해서 그릴 경로도 손실도 없습니다. "
                            "더 작은 학습률이나 최적점에 더 가까운 출발점을 써 보세요.",
    "descent.regime_lr": "lr = {lr}",
}
