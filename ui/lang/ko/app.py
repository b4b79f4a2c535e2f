"""Korean: navigation, Home, links, charts and the code panel."""
STRINGS = {
    # 탐색과 홈
    "nav.home": "홈",
    "nav.tensors": "텐서",
    "nav.linear": "선형 회귀",
    "nav.descent": "경사 하강법",
    "nav.sine": "사인 함수",
    "nav.mnist": "MNIST",
    "app.getting_ready": "PyTorch를 준비하는 중입니다 (서버가 시작될 때 한 번, 뒤에서 불러옵니다)…",
    "home.intro": "손잡이를 직접 돌려 보며 PyTorch가 모델을 학습시키는 방법을 배워 보세요. 모든 페이지는 같은 "
                  "학습 루프를 실행합니다. 모든 PyTorch 프로그램의 핵심인 네 단계입니다:",
    # each comment on a line of its own: the box is narrow on a 1024 px screen with the sidebar open
    "home.loop": "for epoch in range(epochs):\n"
                 "    # 1. 순전파: 예측\n"
                 "    y_hat = model(x)\n"
                 "    # 2. 손실: 얼마나 틀렸나?\n"
                 "    loss = loss_fn(y_hat, y)\n"
                 "    optimizer.zero_grad()\n"
                 "    # 3. 역전파: autograd가 d loss / d weight를 구함\n"
                 "    loss.backward()\n"
                 "    # 4. 갱신: W := W - lr * grad\n"
                 "    optimizer.step()",
    "home.howto": "{sidebar}에서 **학습률**, **에포크**, **모멘텀**, **장치**를 정하고 **학습**을 누른 뒤 손실이 "
                  "줄어드는 것을 지켜보세요(학습률이 너무 크면 폭발합니다). 모든 페이지는 현재 설정의 PyTorch 코드를 "
                  "보여 주고, 주소에 설정이 담기니 그대로 공유하면 됩니다.",
    "home.compare": "모델 하나, 학습률 넷, 차트 하나",
    "home.compare_intro": "모든 페이지는 학습한 실행을 하나하나 남겨 함께 그립니다. 손잡이 하나가 무엇을 바꿨는지 "
                          "한눈에 보입니다. 여기서는 경사 하강법으로 y = W·x를 x = {x}, y = {y}에 "
                          "W = {w}부터 맞춥니다. 학습률 넷, 각각 {steps}걸음입니다.",
    "home.compare_step": "걸음",
    "home.compare_lr": "학습률",
    "home.compare_regime": "움직임",
    "home.compare_final": "{steps}걸음 뒤 비용",
    "home.compare_try": "내 학습률로 해 보기",
    "home.blurb.tensors": "텐서를 만들고, autograd 한 걸음을 손으로 밟아 봅니다.",
    "home.blurb.linear": "optim.SGD로 y = Wx + b를 맞춥니다.",
    "home.blurb.descent": "cost(W)를 한 걸음씩 내려갑니다.",
    "home.blurb.sine": "3차식으로 sin(x)를 근사합니다. 손으로, 그리고 autograd로.",
    "home.blurb.mnist": "숫자 분류기를 학습시키고, 직접 쓴 숫자도 넣어 봅니다.",
    "chart.lr": "학습 중 학습률",
    "chart.lr_axis": "학습률",
    "link.prefix": "링크의 값: ",
    "link.not_choice": "{name}='{raw}' 은(는) {choices} 중 하나가 아닙니다. {value}을(를) 씁니다.",
    "link.too_long": "{name} 값이 {hi}자보다 깁니다; {value}을(를) 씁니다.",
    "link.not_whole": "{name}={raw} 은(는) 정수가 아닙니다. {value}을(를) 씁니다.",
    "link.repeated": "{name} 이(가) {n}번 들어 있습니다. 마지막 값 {value}을(를) 씁니다.",
    "link.unknown": "{names}: 이 페이지의 설정이 아니어서 주소에서 뺐습니다.",
    "link.not_number": "{name}='{raw}' 은(는) 숫자가 아닙니다. {value}을(를) 씁니다.",
    "link.not_finite": "{name}='{raw}' 은(는) 유한한 숫자가 아닙니다. {value}을(를) 씁니다.",
    "link.not_positive": "{name} 은(는) 0보다 커야 합니다. {value}을(를) 씁니다.",
    "link.out_of_range": "{name}={raw} 은(는) 범위({lo} ~ {hi})를 벗어났습니다. 가장 가까운 값 {value}을(를) 씁니다.",
    "link.not_allowed": "{name}={raw} 은(는) 고를 수 있는 값이 아닙니다({lo} ~ {hi}). 가장 가까운 값 {value}을(를) 씁니다.",
    "chart.loss": "손실",
    "chart.epoch": "에포크",
    "code.now": "지금 설정",
    "code.which": "어느 학습의 코드",
    "code.title": "이 설정의 PyTorch 코드",
    "code.caption": "위 설정을 그대로 담은 완전한 스크립트입니다. `python`으로 실행하면 이 설정으로 학습한 뒤 "
                    "이 페이지가 보여 주는 **최종 손실**과 같은 값을 출력합니다.",
    "code.download": ".py로 내려받기",
    "present.leave": "발표 모드 끝내기",
    "present.settings": "설정",
    "where.sidebar": "사이드바",
    "chart.loss_log": "에포크별 손실 (로그 눈금)",
    "chart.nothing": "그릴 것이 없습니다. 첫 유한한 손실이 나오기 전에 발산했습니다.",
    "code.comment.noisy_line": "y = {slope} x + {intercept} 위의 점 {n}개, 가우스 잡음({noise})을 더함",
    "code.comment.sine_points": "[-pi, pi] 위 y = sin(x)의 점 {n}개",
    "code.comment.normalise": "uint8 (N, 28, 28) -> float (N, 1, 28, 28), Normalize((0.5,), (0.5,))와 같음",
    "code.comment.sample": "Torch Playground의 실제 MNIST 숫자 샘플({file}): 이 스크립트 옆이나 ./data 안에",
    "code.comment.notebook": "노트북에 붙여 넣으면 __file__이 없습니다",
    "code.comment.no_mnist": "torchvision도 네트워크도 없을 때: 트레이스백 대신 문장 하나",
    "code.comment.sum_of_squares": "오차 제곱합",
    "code.comment.hand_backward": "역전파를 손으로: sum((y_hat - y)^2)에 대한 튜토리얼의 공식, autograd 없음",
    "code.comment.forward": "순전파",
    "code.comment.loss": "손실",
    "code.comment.no_graph": "autograd 그래프 없음: 기울기는 손으로 구합니다",
    "code.comment.backward": "역전파",
    "code.comment.whole_set": "데이터 전체: 에포크마다 한 걸음",
    "code.comment.step_rule": "갱신: W := W - lr * grad",
    "code.comment.loss_before_step": "이번 갱신 전의 손실",
    "code.comment.batch_order": "배치 순서, 시드로 고정",
    "code.comment.step": "갱신",
    "code.comment.epoch_loss": "에포크의 배치 손실 평균",
    "code.comment.threads": "앱과 같은 스레드 수: 합을 같은 방식으로 반올림합니다",
    "code.comment.start_weights": "앱과 똑같이 뽑은 처음 가중치",
    "code.comment.cnn": "숫자 (N, 1, 28, 28): 합성곱과 풀링을 두 번, 그다음 선형 층 두 개",
    "code.comment.centred": "튜토리얼처럼 각 열에서 그 평균을 빼 중심을 맞춤",
    "code.comment.standardise": "(t - 평균) / 표준 편차, 앱처럼 float64로 계산",
    "code.comment.one_value": "값이 하나뿐인 열은 그대로 둠",
    "code.comment.init": "처음 가중치: {init} (페이지의 초기화)",
    "code.comment.eval": "테스트: 드롭아웃은 끄고, 배치 정규화는 누적 평균으로",
    "code.comment.early_stop": "조기 종료: 테스트 손실이 {patience} 에포크 동안 줄지 않으면 멈춥니다",
    "code.comment.one_hot": "클래스 확률과 원-핫 정답의 제곱 오차 (TensorFlow Playground의 손실)",
    # the Classify page
    "nav.classify": "분류",
    "home.blurb.classify": "두 색의 점과 작은 신경망: 학습하면서 결정 경계가 생겨나는 모습을 봅니다.",
    "notebook.title": "Torch Playground가 페이지의 설정대로 쓴 노트북입니다. 모든 셀을 순서대로 실행하면(모두 실행) 마지막 셀이 페이지에 나온 최종 손실을 출력합니다.",
    "notebook.imports": "## 불러오기\nPyTorch, 그리고 앱과 같은 스레드 수. 그래야 합이 앱에서처럼 반올림됩니다.",
    "notebook.start": "## 장치와 시드\n어디서 계산할지, 그리고 처음 가중치를 정하는 시드.",
    "notebook.data": "## 데이터\n페이지가 학습한 점이나 이미지.",
    "notebook.model": "## 모델\n신경망과 처음 가중치.",
    "notebook.loss": "## 손실과 옵티마이저\n학습이 줄이는 값, 그리고 가중치를 바꾸는 규칙.",
    "notebook.loop": "## 학습 루프\n순전파, 손실, `backward()`, 한 스텝을 에포크마다 되풀이합니다.",
    "notebook.report": "## 테스트 데이터에서\n학습한 모델이 학습하지 않은 데이터에서 얼마나 잘하는지.",
    "notebook.result": "## 결과\n페이지의 값과 비교할 최종 손실.",
    "code.download_notebook": "노트북으로 내려받기",
}
