"""Korean: the Tensors page."""
STRINGS = {
    # 텐서
    "tensors.title": "텐서와 autograd",
    "tensors.intro": "**텐서**는 PyTorch의 배열입니다. 모양(shape)대로 놓인 숫자들이고, dtype과 장치(device)를 "
                     "가집니다. 하나 만들어 속을 들여다보고, 둘을 합쳐 보고, `backward()`로 기울기를 구해 보세요.",
    "tensors.make": "1. 텐서 만들기",
    "tensors.constructor": "생성 함수",
    "tensors.constructor_help": "텐서를 만드는 방법.",
    "tensors.dtype_help": "auto: PyTorch가 고릅니다(정수면 int64, 아니면 float32).",
    "tensors.values": "값",
    "tensors.values_help": "숫자 하나, 또는 숫자를 담은 중첩 리스트: [[1, 2], [3, 4]]. 원소는 최대 {max}개, 글자는 최대 {chars}자.",
    "tensors.shape": "모양",
    "tensors.shape_help": "쉼표로 나눈 크기, 예: 2, 3. 원소는 최대 {max}개.",
    "tensors.inspect": "2. 들여다보기",
    "tensors.fix_values": "위의 값을 고치면 텐서가 보입니다.",
    "tensors.no_code": "입력이 받아들여지면 코드가 보입니다.",
    "tensors.repr_caption": "print(A): PyTorch가 출력하는 그대로",
    "tensors.heatmap": "A를 히트맵으로",
    "tensors.heatmap_x": "열 (dim 1)",
    "tensors.heatmap_y": "행 (dim 0)",
    "tensors.heatmap_none": "원소가 400개 이하인 1차원 또는 2차원 텐서는 여기에 히트맵으로 그려집니다.",
    "tensors.combine": "3. 합치기",
    "tensors.operation": "연산",
    "tensors.operation_help": "원소별 + - * / 는 브로드캐스팅됩니다. @ 는 행렬 곱입니다.",
    "tensors.b_values": "B의 값",
    "tensors.b_values_help": "두 번째 텐서. 첫 번째처럼 입력합니다.",
    "tensors.new_shape": "새 모양",
    "tensors.new_shape_help": "원소 수의 곱이 A와 같은 크기들. -1은 '나머지 전부'.",
    "tensors.dim_help": "합쳐서 없앨 차원. all이면 숫자 하나가 됩니다.",
    "tensors.broadcast": "브로드캐스팅은 모양을 오른쪽부터 맞춰 봅니다. 크기가 1이거나 없는 차원은 상대에 맞게 "
                         "늘어납니다.",
    "tensors.result": "결과",
    "tensors.clash": "충돌",
    "tensors.step": "4. 손으로 밟아 보는 학습 한 걸음",
    "tensors.step_intro": "점 하나 (x, y)와 직선 y_hat = W x + b. 손실 0.5 (y - y_hat)²은 직선이 얼마나 틀렸는지 "
                          "말해 줍니다. `loss.backward()`는 W와 b가 바뀔 때 손실이 어떻게 변하는지 구하고, 갱신은 "
                          "그 반대 방향으로 학습률(지금 {lr})만큼 움직입니다.",
    "tensors.computed": "계산",
    "tensors.value": "값",
    "tensors.by_hand": "손 계산",
    "tensors.before_step": "갱신 전",
    "tensors.after_step": "한 걸음 뒤",
    "tensors.before_after": "점, 그리고 갱신 전후의 직선",
    "tensors.repeat": "5. 한 걸음을 되풀이하기: 학습",
    "tensors.repeat_intro": "이 걸음을 되풀이하면 직선은 x = {x}에 대해 y = {y} 값을 예측하도록 배웁니다. **학습**은 {sidebar}의 "
                            "에포크·옵티마이저·모멘텀으로 같은 걸음을 되풀이합니다.",
    "tensors.after_n": "{n} 걸음 뒤: W = **{w}**, b = **{b}**, x = {x}의 예측: **{pred}** (목표 {y})",
    "tensors.start": "시작",
    "tensors.now": "지금",
    "tensors.after_steps": "{n} 걸음 뒤",
    "tensors.walks": "직선이 점을 향해 걸어갑니다",
    "tensors.graph_title": "backward()가 거슬러 가는 길",
    "tensors.graph_intro": "순전파를 계산하는 동안 PyTorch는 연산을 하나하나 적어 둡니다. 아래 그래프는 이 "
                           "단계에서 PyTorch가 만든 바로 그 그래프로, `loss.grad_fn`과 `next_functions`에서 "
                           "읽었습니다. 버튼으로 한 단계씩 따라가 보세요.",
    "tensors.graph_forward": "순전파",
    "tensors.graph_backward": "역전파",
    "tensors.graph_step": "갱신",
    "tensors.graph_again": "처음부터",
    "tensors.graph_value": "값",
    "tensors.graph_grad": "기울기",
    "tensors.graph_loss": "손실",
    "tensors.graph_start": "아직 그래프의 모양뿐입니다. 상자 하나가 PyTorch가 거슬러 갈 연산 하나이고(`*`는 "
                           "MulBackward0), 파란 상자가 W와 b입니다. **순전파**를 누르세요.",
    "tensors.graph_after_forward": "순전파: 연산마다 값이 생겼고 손실은 **{loss}**입니다. 기울기는 아직 "
                                   "없습니다. `loss.backward()`를 하려면 **역전파**를 누르세요.",
    "tensors.graph_after_backward": "역전파: 손실(기울기 1)에서 W와 b까지 거슬러 갑니다. 화살표마다 적힌 수는 "
                                    "국소 미분이고, 상자의 기울기는 위 상자의 기울기에 그 수를 곱한 값입니다. "
                                    "이것이 연쇄 법칙입니다. W.grad = **{gw}**, b.grad = **{gb}**.",
    "tensors.graph_after_step": "갱신: `W -= lr * W.grad`, `b -= lr * b.grad` (학습률 {lr}). 그 결과 "
                                "W = **{w}**, b = **{b}**. 다음 순전파는 새 그래프를 만듭니다.",
    "tensors.attribute": "속성",
}
