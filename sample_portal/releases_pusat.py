"""Press releases of national agencies (Jakarta): the other half of the syndication pool.

Officials' names are invented, as everywhere on the sample portal.
"""

from __future__ import annotations

from .release import Release

NATIONAL_RELEASES: tuple[Release, ...] = (
    Release(
        "kemenkes-pin-polio",
        "Biro Komunikasi dan Informasi Publik Kementerian Kesehatan",
        "JAKARTA",
        "Kemenkes Gelar Pekan Imunisasi Nasional Polio Putaran Kedua",
        (
            "Kementerian Kesehatan (Kemenkes) menggelar Pekan Imunisasi Nasional (PIN) Polio "
            "putaran kedua serentak di seluruh provinsi. Imunisasi diberikan kepada anak usia 0 "
            "hingga 7 tahun tanpa memandang status imunisasi sebelumnya.",
            "Direktur Imunisasi Kemenkes dr. Andi Prasetyo menyatakan, putaran kedua sangat "
            "penting untuk memastikan kekebalan anak terbentuk sempurna. Sasaran imunisasi tahun "
            "ini mencapai lebih dari 8,4 juta anak.",
            '"Dua tetes vaksin polio sangat aman dan telah digunakan di lebih dari 150 negara. '
            'Kami mohon orang tua tidak ragu membawa anaknya ke pos imunisasi terdekat," kata '
            "Andi.",
            "Imunisasi dapat diperoleh di posyandu, puskesmas, sekolah, pendidikan anak usia "
            "dini, hingga pos imunisasi di stasiun dan pusat perbelanjaan. Bagi anak yang belum "
            "terjangkau, petugas akan melakukan penyisiran dari rumah ke rumah.",
            "Kemenkes mengingatkan bahwa Indonesia masih menghadapi kejadian luar biasa polio di "
            "sejumlah daerah. Cakupan imunisasi minimal 95 persen diperlukan agar penularan virus "
            "polio dapat dihentikan.",
        ),
        ("imunisasi", "polio", "kesehatan"),
        "Seorang balita menerima vaksin polio tetes di posyandu.",
    ),
    Release(
        "bpom-takjil",
        "Badan Pengawas Obat dan Makanan (BPOM)",
        "JAKARTA",
        "BPOM Intensifkan Pengawasan Takjil dan Parsel Selama Ramadan",
        (
            "Badan Pengawas Obat dan Makanan (BPOM) mengintensifkan pengawasan pangan olahan "
            "selama bulan Ramadan hingga menjelang Idulfitri. Pengawasan difokuskan pada pangan "
            "tanpa izin edar, pangan kedaluwarsa, kemasan rusak, serta takjil yang mengandung "
            "bahan berbahaya.",
            "Kepala BPOM Hendra Gunawan mengatakan, petugas dari 76 unit pelaksana teknis di "
            "seluruh Indonesia melakukan sampling di pasar tradisional, pasar ramadan, ritel "
            "modern hingga gudang distributor. Sampel takjil diuji dengan rapid test kit untuk "
            "mendeteksi formalin, boraks, rhodamin B dan kuning metanil.",
            '"Masyarakat harus menjadi konsumen cerdas. Ingat selalu Cek KLIK, yaitu cek '
            'kemasan, label, izin edar dan kedaluwarsa sebelum membeli," ujar Hendra.',
            "Pada pengawasan tahun lalu, BPOM menemukan lebih dari 100 ribu pieces pangan olahan "
            "yang tidak memenuhi ketentuan dengan nilai ekonomi miliaran rupiah. Temuan "
            "didominasi pangan kedaluwarsa dan pangan tanpa izin edar.",
            "Masyarakat yang menemukan produk pangan mencurigakan dapat melapor melalui Contact "
            "Center HALOBPOM 1500533 atau aplikasi BPOM Mobile.",
        ),
        ("bpom", "takjil", "ramadan"),
        "Petugas BPOM menguji sampel takjil di pasar ramadan.",
    ),
    Release(
        "bmkg-kemarau",
        "Badan Meteorologi, Klimatologi, dan Geofisika (BMKG)",
        "JAKARTA",
        "BMKG: Awal Musim Kemarau 2025 Tidak Serentak, Puncaknya Agustus",
        (
            "Badan Meteorologi, Klimatologi, dan Geofisika (BMKG) memprakirakan awal musim "
            "kemarau 2025 di Indonesia tidak terjadi secara bersamaan. Sebagian besar wilayah "
            "diprediksi memasuki musim kemarau antara April dan Juni, dengan puncak kemarau pada "
            "Agustus.",
            "Deputi Bidang Klimatologi BMKG Ardi Nugroho menuturkan, sifat musim kemarau tahun "
            "ini di sebagian besar wilayah diprakirakan normal. Namun, sekitar 14 persen wilayah "
            "berpotensi mengalami kemarau yang lebih kering dari biasanya.",
            '"Pemerintah daerah perlu mulai mengatur penggunaan air, menyiapkan cadangan air '
            'bersih dan mewaspadai potensi kebakaran hutan dan lahan sejak awal musim," kata '
            "Ardi.",
            "BMKG juga meminta sektor pertanian menyesuaikan pola tanam dengan ketersediaan air. "
            "Petani di daerah tadah hujan disarankan memilih varietas tanaman yang tahan "
            "kekeringan.",
            "Informasi prakiraan musim per zona dapat diakses melalui laman resmi dan aplikasi "
            "InfoBMKG yang diperbarui setiap bulan.",
        ),
        ("bmkg", "kemarau", "cuaca"),
        "Lahan sawah mulai mengering memasuki musim kemarau.",
    ),
    Release(
        "komdigi-penipuan-bansos",
        "Kementerian Komunikasi dan Digital (Komdigi)",
        "JAKARTA",
        "Komdigi Ingatkan Warga Waspadai Penipuan Berkedok Pendaftaran Bansos",
        (
            "Kementerian Komunikasi dan Digital (Komdigi) mengingatkan masyarakat untuk "
            "mewaspadai penipuan yang mengatasnamakan pendaftaran bantuan sosial (bansos). Modus "
            "ini beredar melalui pesan berantai di aplikasi percakapan dan iklan di media sosial.",
            "Direktur Jenderal Komunikasi Publik dan Media Komdigi Siti Rahmawati menjelaskan, "
            "pelaku biasanya mengirimkan tautan yang meminta korban mengisi data pribadi, nomor "
            "rekening hingga kode OTP. Data tersebut kemudian digunakan untuk membobol rekening "
            "atau mengajukan pinjaman daring ilegal.",
            '"Pendaftaran bansos tidak pernah dilakukan melalui tautan acak di WhatsApp. Jangan '
            'pernah membagikan kode OTP kepada siapa pun, termasuk yang mengaku petugas," tegas '
            "Siti.",
            "Sepanjang triwulan pertama, Komdigi telah menurunkan lebih dari 2.300 konten hoaks "
            "dan penipuan terkait bansos. Masyarakat dapat memeriksa kebenaran informasi melalui "
            "kanal resmi kementerian.",
            "Warga yang menerima pesan mencurigakan diminta melaporkannya melalui aduankonten.id "
            "atau layanan cekrekening.id sebelum melakukan transaksi.",
        ),
        ("hoaks", "bansos", "penipuan daring"),
        "Ilustrasi pesan berantai berisi tautan pendaftaran bansos palsu.",
    ),
    Release(
        "kemensos-bansos-tahap-1",
        "Biro Humas Kementerian Sosial (Kemensos)",
        "JAKARTA",
        "Kemensos Salurkan Bansos PKH dan Sembako Tahap I kepada 18 Juta Keluarga",
        (
            "Kementerian Sosial (Kemensos) mulai menyalurkan bantuan sosial Program Keluarga "
            "Harapan (PKH) dan Bantuan Pangan Non Tunai (BPNT) tahap I tahun 2025. Bantuan "
            "disalurkan kepada sekitar 18 juta keluarga penerima manfaat di seluruh Indonesia.",
            "Sekretaris Jenderal Kemensos Bambang Sulistyo mengatakan, penyaluran dilakukan "
            "melalui bank Himbara dan PT Pos Indonesia. Penetapan penerima kini mengacu pada Data "
            "Tunggal Sosial dan Ekonomi Nasional (DTSEN) agar bantuan lebih tepat sasaran.",
            '"Kami sudah memutakhirkan data sehingga keluarga yang tidak lagi memenuhi syarat '
            "digantikan keluarga lain yang lebih membutuhkan. Jika ada warga miskin yang belum "
            'terdata, silakan usulkan melalui kelurahan," kata Bambang.',
            "Penerima manfaat dapat mengecek status kepesertaan melalui laman cek bansos "
            "Kemensos atau aplikasi Cek Bansos dengan memasukkan nama sesuai KTP dan wilayah "
            "domisili.",
            "Kemensos menegaskan penyaluran bansos tidak dipungut biaya apa pun. Pendamping "
            "sosial yang terbukti melakukan pemotongan akan diberhentikan dan diproses secara "
            "hukum.",
        ),
        ("bansos", "pkh", "kemensos"),
        "Keluarga penerima manfaat mengambil bantuan di kantor pos.",
    ),
    Release(
        "bpjs-cukup-ktp",
        "BPJS Kesehatan",
        "JAKARTA",
        "Berobat dengan BPJS Kesehatan Kini Cukup Tunjukkan KTP",
        (
            "BPJS Kesehatan kembali mengingatkan bahwa peserta Jaminan Kesehatan Nasional (JKN) "
            "cukup menunjukkan KTP elektronik saat berobat di fasilitas kesehatan. Peserta tidak "
            "perlu lagi membawa kartu JKN fisik maupun fotokopi berkas.",
            "Direktur Pelayanan BPJS Kesehatan dr. Yuliana Pratiwi menyampaikan, Nomor Induk "
            "Kependudukan (NIK) telah terintegrasi dengan data kepesertaan. Petugas fasilitas "
            "kesehatan cukup memverifikasi NIK untuk memastikan status kepesertaan aktif.",
            '"Kemudahan ini kami hadirkan agar peserta tidak dipersulit urusan administrasi. Yang '
            'penting status kepesertaannya aktif dan iurannya tidak menunggak," ujar Yuliana.',
            "Peserta juga dapat menggunakan aplikasi Mobile JKN untuk mengambil nomor antrean, "
            "mengubah fasilitas kesehatan tingkat pertama, hingga melihat riwayat pelayanan. "
            "Antrean daring telah diterapkan di lebih dari 20 ribu fasilitas kesehatan.",
            "BPJS Kesehatan mengimbau fasilitas kesehatan yang masih meminta fotokopi kartu atau "
            "berkas tambahan untuk segera menyesuaikan. Peserta dapat menyampaikan keluhan "
            "melalui Care Center 165.",
        ),
        ("bpjs kesehatan", "jkn", "kesehatan"),
        "Peserta JKN menunjukkan KTP elektronik di loket rumah sakit.",
    ),
)
