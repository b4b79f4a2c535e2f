"""Korean: the Linear regression page."""
STRINGS = {
    # 선형 회귀
    "linear.title": "선형 회귀",
    "linear.intro": "평균 제곱 오차에 대한 경사 하강법으로 데이터에 직선 **y = W x + b**를 맞춥니다. 튜토리얼처럼 "
                    "`optim.SGD`를 씁니다. 학습하는 동안 직선이 움직이는 것을 보세요.",
    "linear.dataset": "데이터",
    "linear.data.line": "x = 1, 2, 3 → y = 2, 4, 6",
    "linear.data.hours": "공부 시간 → 실력 (200, 400, 600)",
    "linear.data.heights": "키 → 몸무게 (5명)",
    "linear.data.noisy": "직접 만드는 잡음 섞인 직선",
    "linear.data.csv": "내 CSV 파일",
    "linear.centre": "튜토리얼처럼 x와 y를 중심화(평균 빼기)",
    "linear.centre_help": "중심화하면 가장 좋은 b가 0 근처에 오고 W와 b에 학습률 하나가 모두 맞습니다. "
                          "170 근처의 원래 키에는 훨씬 작은 학습률이 필요합니다.",
    "linear.height": "키",
    "linear.weight": "몸무게",
    "linear.hours": "시간",
    "linear.ability": "실력",
    "linear.points": "점 개수",
    "linear.slope": "기울기",
    "linear.intercept": "절편",
    "linear.noise": "잡음",
    "linear.data_seed": "데이터 시드",
    "linear.csv": "숫자 열 두 개(x, 그다음 y)로 된 CSV (머리글 행은 있어도 됨; 최대 {rows}행, 1 MB)",
    "linear.csv_wait": "파일을 올리면 직선을 맞춥니다. 예: 줄마다 `x,y`, `1,2.1`, `2,3.9`인 파일.",
    "linear.log": "손실을 로그 눈금으로",
    "linear.log_help": "로그 눈금에서는 보통 눈금으로 평평해 보인 뒤에도 손실이 계속 줄어드는 것이 보입니다.",
    "linear.no_line": "가중치가 더 이상 유한한 숫자가 아니어서 그릴 직선이 없습니다.",
    "linear.loss": "손실",
    "linear.trained": "SGD로 학습",
    "linear.least_squares": "최소제곱 (닫힌 해)",
    "linear.momentum_title": "모멘텀을 쓰면 더 빨리 배울까?",
    "linear.momentum_intro": "튜토리얼의 연습 문제: 같은 데이터를 같은 출발점에서 모멘텀 0과 모멘텀 {m}({sidebar}에서 "
                             "정함)으로 두 번 학습시키고 두 손실 곡선을 비교합니다.",
    "linear.compare": "모멘텀 0과 {m} 비교하기",
    "linear.momentum_label": "모멘텀 {m}",
    "linear.training_both": "둘 다 학습하는 중…",
    "linear.label_diverged": "{label}: 에포크 {epoch}에서 발산했습니다.",
    "linear.final_loss_of": "최종 손실, {label}",
    "linear.data_changed": "이 비교 뒤로 데이터가 바뀌었습니다. 다시 비교하려면 버튼을 누르세요.",
    # 선형 회귀와 경사 하강법: 데이터 검사, 척도, 그릴 수 없는 차트
    "linear.standardise": "x와 y 표준화: (v − 평균) / 표준편차",
    "linear.standardise_help": "x 값이 크면 손실이 가팔라져서 아주 작은 학습률에서만 경사 하강법이 안정적입니다. "
                               "표준화한 열은 평균 0, 표준편차 1이라 어떤 데이터에도 같은 학습률이 맞습니다.",
    "linear.standardised_units": "표준화한 x와 y로 학습했으므로 차트와 W, b는 표준편차 단위입니다. "
                                 "원래 단위로 쓴 직선: **{y} = {w} · {x} {b}**.",
    "linear.lr_unstable": "이 데이터에서는 학습률이 **{edge}** 보다 크면 경사 하강법이 발산합니다. "
                          "x 값이 클수록 손실이 가파르기 때문입니다. 지금의 학습률({lr})은 그보다 큽니다. "
                          "학습률을 **{safe}** 이하로 고르거나 열을 표준화하세요.",
    "linear.lr_unstable_none": "이 데이터에서는 학습률이 **{edge}** 보다 크면 경사 하강법이 발산하는데, 이는 고를 수 있는 "
                               "어떤 학습률보다도 작습니다. x 값이 너무 큽니다. 열을 표준화하세요.",
    "linear.diverged_why": "발산한 까닭은 이 데이터의 척도입니다. 학습률이 {edge}보다 크면 걸음마다 지난번보다 더 "
                           "멀리 넘어갑니다. 운이 나빠서가 아니라 데이터 때문입니다.",
    "linear.points_drawn": "점 {n:,}개 가운데 {shown:,}개를 고르게 뽑아 그렸습니다. 학습에는 모두 씁니다.",
    "linear.no_closed_form_note": "이 데이터에는 닫힌 해가 없습니다.",
}
