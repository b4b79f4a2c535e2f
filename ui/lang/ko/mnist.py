"""Korean: the MNIST page."""
STRINGS = {
    # MNIST
    "mnist.title": "MNIST: 손글씨 숫자 읽기",
    "mnist.intro": "튜토리얼의 모델: 28×28 그림을 784개의 숫자로 펼쳐 **{layers}** 층을 차례로 통과시킵니다. 출력 10개가 "
                   "숫자 0부터 9까지의 점수이고, 손실 함수 **CrossEntropyLoss**에 따라 학습하며, **{optimizer}** 옵티마이저가 한 번에 "
                   "그림 {batch}장씩 갱신합니다.",
    "mnist.source.auto": "전체 또는 샘플",
    "mnist.source.sample": "샘플 (오프라인)",
    "mnist.source.full": "전체 MNIST",
    "mnist.data": "데이터",
    "mnist.data_help": "**전체 또는 샘플**: 전체 MNIST를 쓸 수 있으면 그것을, 아니면 샘플을 씁니다. **샘플**: 앱에 "
                       "담긴 실제 MNIST 숫자 5,000개로, 빠르고 와이파이 없이도 수업할 수 있습니다. **전체 MNIST**: "
                       "학습용 60,000개와 시험용 10,000개이며, 처음 쓸 때 11 MB를 내려받아 보관합니다.",
    "mnist.hidden_help": "은닉층의 너비. 튜토리얼은 128, 그다음 64를 씁니다.",
    "mnist.full_failed": "전체 MNIST를 불러오지 못했습니다 ({kind}). 오프라인으로 하려면 샘플을 고르세요. "
                         "자세한 내용: {error}",
    "mnist.using": "**{which}** 사용: 학습용 숫자 {train}개, 시험용 {test}개. 이유: {why}.",
    "mnist.which.full": "전체 MNIST",
    "mnist.which.sample": "앱에 들어 있는 샘플",
    "mnist.retry_full": "전체 MNIST 다시 시도",
    "mnist.why.chosen": "샘플을 골랐습니다",
    "mnist.why.offline": "오프라인 모드 ({detail} 설정됨)",
    "mnist.why.full": "서버의 다운로드 캐시에 있는 전체 MNIST",
    "mnist.why.failed": "전체 MNIST를 불러오지 못했습니다 ({detail})",
    "mnist.test_accuracy": "시험 정확도",
    "mnist.train_accuracy": "학습 정확도",
    "mnist.steps": "걸음 수",
    "mnist.loss_every": "손실, {n} 배치마다",
    "mnist.batches": "배치 ({n}개 단위)",
    "mnist.train": "학습",
    "mnist.test": "시험",
    "mnist.accuracy_title": "에포크마다의 정확도",
    "mnist.accuracy": "정확도",
    "mnist.wrong_title": "모델이 틀리는 것",
    "mnist.confusion": "혼동 행렬",
    "mnist.predicted_label": "예측한 숫자",
    "mnist.true_label": "실제 숫자",
    "mnist.per_digit": "숫자별 시험 정확도",
    "mnist.hardest": "가장 어려운 숫자: **{digit}** ({right} 맞힘). 행렬의 각 행은 실제 숫자이고, 대각선 밖의 밝은 "
                     "칸은 헷갈린 것입니다. 예: 4를 9로 읽음.",
    "mnist.only_wrong": "틀린 것만 보기",
    "mnist.grid_wrong": "{pred} ({true})",
    "mnist.grid_caption": "시험 숫자와 모델의 답: 초록은 맞힌 것, 빨강은 틀린 것이고 괄호 안이 실제 숫자입니다.",
    "mnist.no_mistakes": "시험 데이터에서 하나도 틀리지 않았습니다.",
    "mnist.download_model": "배운 가중치 내려받기 (state_dict, .pt)",
    "mnist.download_history": "학습 기록 내려받기 (.csv)",
    "mnist.yours_title": "내 숫자 넣어 보기",
    "mnist.upload": "숫자 하나를 찍은 사진이나 그림 (PNG 또는 JPG, 최대 10 MB)",
    "mnist.sees": "모델이 보는 모습: 28×28, 검은 바탕에 흰 글씨",
    "mnist.train_first": "먼저 위에서 모델을 학습시키세요. 그러면 내 숫자를 읽어 줍니다.",
    "mnist.reads": "모델은 {digit}(으)로 읽습니다",
    "mnist.probability": "확률",
    "mnist.why.failed_network": "전체 MNIST를 불러오지 못했습니다: 네트워크 응답 없음 ({detail})",
    "mnist.why.failed_torchvision": "전체 MNIST에는 torchvision이 필요한데 설치되어 있지 않습니다 ({detail})",
    "mnist.why.failed_no_mirror": "전체 MNIST를 내려받지 못했습니다: torchvision의 MNIST 미러 중 {detail}초 안에 응답한 곳이 없습니다",
    "mnist.no_mirror": "torchvision의 MNIST 미러 중 {s}초 안에 응답한 곳이 없습니다",
    "mnist.failure.network": "네트워크 없음: 내려받을 곳이 하나도 응답하지 않았습니다",
    "mnist.failure.torchvision": "내려받기를 맡는 torchvision이 설치되어 있지 않습니다",
    "mnist.failure.other": "예상하지 못한 오류",
    # MNIST: the CNN (issue 14)
    "mnist.cnn.model": "모델",
    "mnist.cnn.model_help": "MLP: 그림을 펼쳐 Linear 층에 통과시키는 튜토리얼의 신경망. CNN: 합성곱이 작은 필터를 "
                            "그림 위로 밀며 살피므로 획이 어디에 있든 찾아냅니다. 같은 숫자들에서 더 많이 배웁니다.",
    "mnist.cnn.mlp_only": "은닉층 너비와 활성화 함수는 MLP에만 있습니다. CNN의 층은 정해져 있습니다 "
                          "(위 설명에 적혀 있습니다).",
    "mnist.cnn.intro": "합성곱 신경망: 작은 필터가 28×28 그림 위를 미끄러지며 저마다 자기 무늬가 있는 곳의 지도를 "
                       "만들고, 최대 풀링이 지도를 절반으로 줄입니다. 이것을 두 번 한 뒤 선형 층이 결과를 읽습니다: "
                       "**{layers}**. 출력 10개가 숫자 0부터 9까지의 점수이고, 손실 함수 **CrossEntropyLoss**에 따라 학습하며, "
                       "**{optimizer}** 옵티마이저가 한 번에 그림 {batch}장씩 갱신합니다.",
    # MNIST: look inside (issue 14)
    "mnist.inside.title": "신경망 속 들여다보기",
    "mnist.inside.train_first": "먼저 위에서 모델(MLP 또는 CNN)을 학습시키세요. 그러면 첫 층을 여기에 그려 줍니다.",
    "mnist.inside.weights_intro": "그림 하나가 첫 층의 은닉 유닛 하나입니다 ({units}개 중 {shown}개). 유닛의 가중치 "
                                  "784개를 곱해지는 28×28 숫자 모양대로 늘어놓았습니다. **빨강**: 그 자리의 잉크가 "
                                  "유닛을 켭니다. **파랑**: 그 자리의 잉크가 유닛을 누릅니다. 학습이 다듬은 곳에 획과 "
                                  "얼룩이 보이고, 자글자글한 채로 남은 유닛은 거의 배우지 않은 것입니다.",
    "mnist.inside.weights_caption": "첫 층의 가중치, 학습으로 가장 많이 바뀐 유닛부터, 유닛마다 따로 맞춘 눈금: 흰색이 0, 가장 센 가중치가 진한 빨강 "
                                    "또는 파랑입니다.",
    "mnist.inside.filters_intro": "CNN의 첫 층에는 {size}×{size} 가중치로 된 필터가 {count}개 있습니다. 필터는 그림 "
                                  "위를 미끄러지며 위치마다 아래 조각이 자기와 얼마나 닮았는지 답합니다. 빨간 가중치는 "
                                  "잉크를, 파란 가중치는 빈 곳을 원하므로, 한쪽은 빨갛고 다른 쪽은 파란 필터는 "
                                  "경계를 찾습니다.",
    "mnist.inside.maps_intro": "ReLU를 거친 특성 맵({side}×{side}): 필터가 자기 무늬를 찾은 곳이 밝습니다.",
    "mnist.inside.maps_yours": "숫자는 위에서 넣은 내 숫자입니다.",
    "mnist.inside.maps_test": "숫자는 첫 번째 시험 숫자입니다. 위에서 내 숫자를 그리거나 올리면 여기에 나옵니다.",
    "mnist.inside.input": "숫자",
    "mnist.inside.maps_caption": "위: 첫 합성곱 층의 필터, 필터마다 따로 맞춘 눈금 (흰색이 0). 각 필터 아래: 그 "
                                 "필터가 숫자에서 만든 특성 맵, 검정은 아무것도 못 찾은 곳, 노랑은 가장 센 반응입니다.",
    "mnist.inside.wrong_sorted": "가장 확신한 실수부터 나옵니다: 첫 번째에서는 틀린 답에 {first}, 보이는 마지막 "
                                 "것에서는 {last}의 확률을 주었습니다.",
    # MNIST: draw your own digit (issue 14)
    "mnist.draw.label": "마우스(또는 손가락)로 숫자를 그려 보세요",
    "mnist.draw.clear": "지우기",
    "mnist.draw.unusable": "이 학습은 발산했거나 오류로 멈춰서 숫자를 읽을 수 없습니다. 다시 학습하세요 (발산했다면 학습률을 낮춰서).",
    "mnist.draw.hint": "검은 칸에 숫자 하나를 크게 그려 보세요. 한 획을 그을 때마다 답이 바뀝니다.",
    "mnist.draw.quick_train": "빠른 학습: 샘플로 1 에포크",
    "mnist.draw.quick_train_help": "1초쯤 걸립니다. 위에서 고른 모델이 앱에 들어 있는 샘플로 한 에포크 학습하고, "
                                   "다른 학습처럼 내 학습 기록에 남습니다. 바로 그려 볼 수 있고, 더 나은 모델은 "
                                   "위에서 학습하세요.",
    "mnist.draw.no_model": "아직 학습한 모델이 없습니다. 빠른 학습으로 하나 만들면 내 숫자를 읽어 줍니다.",
}
