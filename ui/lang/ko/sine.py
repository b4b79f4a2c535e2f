"""Korean: the Sine page."""
STRINGS = {
    # 사인 함수
    "sine.title": "sin(x) 근사하기",
    "sine.lead": "3차식이나 작은 신경망으로 sin(x)를 맞춥니다. 데이터와 모델을 고른 뒤 학습을 누르세요.",
    "sine.unstable": "lr {lr}에서는 이 학습이 발산합니다. 손실이 점 {n}개의 제곱을 모두 더하므로 기울기도 점의 수만큼 "
                     "커지고, 약 {stable}보다 큰 걸음은 매번 더 멀리 넘어갑니다.",
    "sine.use_lr": "lr {lr} 사용하기",
    "sine.use_points": "점 {n}개 사용하기 (목록의 어떤 학습률도 이 점 수에는 너무 큽니다)",
    "sine.momentum_done": "모멘텀 {momentum}에서는 같은 2000 걸음으로 기본 경사 하강법보다 가장 좋은 3차식"
                          "(손실 {best})에 훨씬 가까이 갑니다. 모멘텀을 0으로 되돌려 다시 학습하면 차이가 보입니다.",
    "sine.intro": "[−π, π]에서 **y = sin(x)** 를 3차식 **a + b x + c x² + d x³** 으로 맞춥니다. 무작위 숫자에서 "
                  "출발해 튜토리얼처럼 **오차 제곱합**에 경사 하강법을 씁니다. 먼저 손으로 유도한 기울기로, "
                  "다음에는 autograd에 맡겨서. 3차식 대신 작은 신경망을 써 볼 수도 있습니다.",
    "sine.model": "모델",
    "sine.model.cubic": "3차식 a + b x + c x² + d x³",
    "sine.model.net": "작은 신경망",
    "sine.net_settings": "신경망은 {sidebar}에 있는 자기 설정으로 학습합니다 ({optimizer}, 학습률 {lr}, 에포크 {epochs}). 3차식의 설정은 그대로 남아 있어 3차식을 다시 고르면 돌아옵니다. 두 모델의 학습은 아래 한 목록에 모델 이름과 함께 남습니다.",
    "sine.points_help": "[-pi, pi]에 고르게 놓인 sin(x)의 점 개수(최대 10,000).",
    "sine.noise_help": "sin(x)에 더하는 가우스 잡음의 표준 편차.",
    "sine.gradients": "기울기",
    "sine.gradients.autograd": "autograd로: loss.backward()",
    "sine.gradients.hand": "손으로: 튜토리얼의 공식, autograd 없이",
    "sine.gradients.short.autograd": "autograd",
    "sine.gradients.short.hand": "손으로",
    "sine.gradients_help": "autograd: loss.backward()가 기울기를 구합니다. 손으로: 튜토리얼의 공식으로, autograd 없이 구합니다.",
    "sine.momentum_hint": "튜토리얼의 설정: lr 1e-6, 2000 에포크, 기본 SGD. 기본 경사 하강법은 가장 좋은 3차식"
                          "(손실 {best})에 한참 못 미쳐 멈춥니다. {sidebar}에서 **모멘텀을 0.9로** 두고 다시 학습해 "
                          "보세요. 모멘텀 0.9면 같은 2000 걸음 안에 가장 좋은 손실에 도달합니다.",
    "sine.width": "은닉층 너비",
    "sine.depth": "은닉층",
    "sine.activation": "활성화 함수",
    "sine.before": "학습 전",
    "sine.now": "지금의 예측",
    "sine.curves_title": "sin(x), 학습 전의 예측, 그리고 지금",
    "sine.sse": "오차 제곱합",
    "sine.trained": "학습 결과",
    "sine.best_cubic": "최소제곱 (가장 좋은 3차식)",
    "sine.both_title": "손으로든 autograd로든: 같은 숫자",
    "sine.both_intro": "손으로 유도한 기울기는 튜토리얼의 것입니다. grad = 2 (y_pred − y)일 때 dL/da = Σ grad, "
                       "dL/db = Σ grad·x, dL/dc = Σ grad·x², dL/dd = Σ grad·x³. {sidebar}의 설정으로 같은 "
                       "출발점에서 두 방법 모두 학습시켜 보세요:",
    "sine.both_button": "두 방법으로 학습",
    "sine.both_spinner": "손으로, 그리고 autograd로 학습하는 중…",
    "sine.by_hand": "손으로",
    "sine.with_autograd": "autograd로",
    "sine.final_loss": "최종 손실",
    "sine.agree": "두 결과가 마지막 자리까지 같습니다.",
    "sine.differ": "두 결과의 가장 큰 차이는 {gap}입니다. 부동소수점 반올림일 뿐입니다.",
}
